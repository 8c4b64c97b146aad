// Regenerates ../resources/web/world-110m.tsv, the world map of the status page (one line per country:
// ISO 3166-1 alpha-2 code, Natural Earth name, SVG path). Run only when the map should change:
//   npm ci && node generate-world.mjs
// The build does not run it: the output is committed, so building the service needs no Node.js.
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';

const WIDTH = 1000;
const HEIGHT = 480;
const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'));
// Antarctica has no government to restrict anything and takes a fifth of the height.
const shapes = feature(topology, topology.objects.countries).features.filter(f => f.id !== '010');
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features: shapes });
const path = geoPath(projection).digits(1);

const lines = shapes.map(f => {
  // Shapes without an ISO numeric id in Natural Earth (Kosovo, Northern Cyprus, Somaliland) are drawn as land
  // that carries no record: '-' as their code.
  const code = (f.id && countries.numericToAlpha2(f.id)) || '-';
  return [code, f.properties.name, path(f)].join('\t');
});
writeFileSync('../resources/web/world-110m.tsv',
  `# viewBox 0 0 ${WIDTH} ${HEIGHT}; Natural Earth 1:110m via world-atlas 2.0.2, Equal Earth projection\n`
  + lines.join('\n') + '\n');
console.log(`${lines.length} shapes`);
