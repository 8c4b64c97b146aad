package org.restrictionledger.query.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.status.Status;
import org.restrictionledger.events.status.StreamStatus;
import org.restrictionledger.query.read.CountrySummaries;
import org.restrictionledger.query.read.CountrySummaries.CountrySummary;
import org.restrictionledger.query.read.ReadModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the world page and the platform page (the pages with a map) from the read model. */
@ApplicationScoped
public class WorldView {

    private final ReadModel readModel;
    private final WorldMap worldMap;

    WorldView(ReadModel readModel, WorldMap worldMap) {
        this.readModel = readModel;
        this.worldMap = worldMap;
    }

    WorldPage world(WorldQuery query) {
        // Read the position first: a change projected while the page is built is then sent again, never lost.
        long after = readModel.lastChange();
        List<StreamStatus> current = readModel.all();
        ReadModel.When when = new ReadModel.When(query.asOf(), null);
        List<StreamStatus> statuses = query.platform() != null ? readModel.platform(query.platform(), when)
                : when.now() ? current
                : current.stream().map(s -> s.stream().country()).distinct()
                        .flatMap(country -> readModel.country(country, when).stream()).toList();

        List<WorldPage.CountryRow> rows = byCountry(statuses).entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue(), query))
                .filter(r -> query.status() == null || r.worst().code().equals(query.status().name()))
                .sorted(order(query.sort()))
                .toList();
        Map<String, WorldPage.CountryRow> byCode = rows.stream()
                .collect(Collectors.toMap(WorldPage.CountryRow::code, Function.identity()));
        List<WorldPage.MapCountry> map = map(code -> {
            WorldPage.CountryRow row = byCode.get(code);
            return row == null ? null : new Located(row.worst(), row.href(), row.name() + ": " + row.worst().label()
                    + " (" + row.platforms().size() + (row.platforms().size() == 1 ? " platform" : " platforms") + ")");
        });

        String platformName = query.platform() == null ? null : Text.platformName(query.platform());
        String title = platformName == null ? "Platform restrictions worldwide" : platformName + " worldwide";
        String caption = "Each country in the colour of its worst platform status"
                + (platformName == null ? "" : " for " + platformName)
                + (query.status() == null ? "" : "; only " + Text.label(query.status()).toLowerCase() + " countries")
                + (query.asOf() == null ? ", today." : ", as in effect on " + query.asOf() + ".");
        return new WorldPage(
                new WorldPage.Header(title, query.asOf() == null ? "" : query.asOf().toString(), caption),
                new WorldPage.Filters(query.asOf() == null ? "" : query.asOf().toString(),
                        platformOptions(current, query.platform()), statusOptions(query.status()),
                        query.sort() == WorldQuery.Sort.STATUS ? "" : query.sort().name().toLowerCase()),
                legend(rows.stream().map(WorldPage.CountryRow::worst).toList()), map, columns(query), rows,
                query.platform() != null
                        ? "/api/v1/platforms/" + query.platform() + "/countries?format=csv" + asOfParam(query.asOf())
                        : "/api/v1/countries?format=csv",
                after);
    }

    PlatformPage platform(Platform platform, LocalDate asOf) {
        long after = readModel.lastChange();
        String dayQuery = WorldQuery.query(asOf, null, null, null);
        List<PlatformPage.Row> rows = readModel.platform(platform.slug(), new ReadModel.When(asOf, null)).stream()
                .sorted(Comparator.comparing(StreamStatus::status).thenComparing(s -> Countries.nameOf(s.stream().country())))
                .map(s -> new PlatformPage.Row(s.stream().country(), Countries.nameOf(s.stream().country()),
                        "/countries/" + s.stream().country() + dayQuery, StatusLabel.of(s.status()),
                        Text.effective(s.since()), s.activeMeasures().stream().map(Details::measure).toList(),
                        Text.features(s.restrictedFeatures()), s.promoted(), s.fineSummary().count(),
                        String.join("; ", Text.money(s.fineSummary().totals()))))
                .toList();
        Map<String, PlatformPage.Row> byCode = rows.stream()
                .collect(Collectors.toMap(PlatformPage.Row::code, Function.identity()));
        List<WorldPage.MapCountry> map = map(code -> {
            PlatformPage.Row row = byCode.get(code);
            return row == null ? null
                    : new Located(row.status(), row.href(), row.name() + ": " + platform.name() + " " + row.status().label());
        });
        return new PlatformPage(platform.slug(), platform.name(), platform.owner(), asOf == null ? "" : asOf.toString(),
                asOf == null ? "today" : "as in effect on " + asOf,
                legend(rows.stream().map(PlatformPage.Row::status).toList()), map, rows,
                "/api/v1/platforms/" + platform.slug() + "/countries?format=csv" + asOfParam(asOf), after);
    }

    /** Where a country on the map leads and what it says when hovered or focused. */
    private record Located(StatusLabel status, String href, String title) {
    }

    private List<WorldPage.MapCountry> map(Function<String, Located> located) {
        return worldMap.shapes().stream().map(shape -> {
            Located l = located.apply(shape.code());
            String name = shape.code().equals("-") ? shape.name() : Countries.nameOf(shape.code());
            return l == null
                    ? new WorldPage.MapCountry(shape.code(), name, shape.path(), StatusLabel.NO_RECORD, null,
                            name + ": no record")
                    : new WorldPage.MapCountry(shape.code(), name, shape.path(), l.status(), l.href(), l.title());
        }).toList();
    }

    private static Map<String, List<StreamStatus>> byCountry(List<StreamStatus> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(s -> s.stream().country(), TreeMap::new, Collectors.toList()));
    }

    private static WorldPage.CountryRow row(String code, List<StreamStatus> statuses, WorldQuery query) {
        Status worst = statuses.stream().map(StreamStatus::status).reduce(Status.OPEN, Status::over);
        List<WorldPage.Chip> chips = statuses.stream()
                .sorted(Comparator.comparing(StreamStatus::status).thenComparing(s -> Text.platformName(s.stream().platform())))
                .map(s -> new WorldPage.Chip(Text.platformName(s.stream().platform()), StatusLabel.of(s.status())))
                .toList();
        CountrySummary summary = CountrySummaries.summary(code, statuses);
        return new WorldPage.CountryRow(code, summary.countryName(), query.country(code), StatusLabel.of(worst), chips,
                summary.fines(), String.join("; ", Text.money(summary.fineTotals())), Text.recorded(summary.lastChange()));
    }

    private static Comparator<WorldPage.CountryRow> order(WorldQuery.Sort sort) {
        Comparator<WorldPage.CountryRow> byName = Comparator.comparing(WorldPage.CountryRow::name);
        return switch (sort) {
            case STATUS -> Comparator.comparing((WorldPage.CountryRow r) -> Status.valueOf(r.worst().code())).thenComparing(byName);
            case COUNTRY -> byName;
            case FINES -> Comparator.comparing(WorldPage.CountryRow::fines).reversed().thenComparing(byName);
            // The text is "yyyy-MM-dd HH:mm UTC": its order is the time order.
            case CHANGE -> Comparator.comparing(WorldPage.CountryRow::lastChange).reversed().thenComparing(byName);
        };
    }

    private static List<WorldPage.Column> columns(WorldQuery query) {
        return List.of(column("Country", WorldQuery.Sort.COUNTRY, "ascending", query),
                column("Worst status", WorldQuery.Sort.STATUS, "descending", query),
                new WorldPage.Column("Platforms", null, null),
                column("Fines", WorldQuery.Sort.FINES, "descending", query),
                column("Last change", WorldQuery.Sort.CHANGE, "descending", query));
    }

    private static WorldPage.Column column(String label, WorldQuery.Sort sort, String direction, WorldQuery query) {
        return new WorldPage.Column(label, query.sortedBy(sort), query.sort() == sort ? direction : "none");
    }

    private static List<WorldPage.LegendEntry> legend(List<StatusLabel> statuses) {
        Map<String, Integer> counts = statuses.stream()
                .collect(Collectors.toMap(StatusLabel::code, s -> 1, Integer::sum));
        List<WorldPage.LegendEntry> legend = new ArrayList<>(Arrays.stream(Status.values())
                .map(s -> new WorldPage.LegendEntry(StatusLabel.of(s), counts.getOrDefault(s.name(), 0))).toList());
        legend.add(new WorldPage.LegendEntry(StatusLabel.NO_RECORD, 0));
        return legend;
    }

    private static List<WorldPage.Option> platformOptions(List<StreamStatus> current, String selected) {
        TreeSet<String> slugs = current.stream().map(s -> s.stream().platform())
                .collect(Collectors.toCollection(TreeSet::new));
        if (selected != null) {
            slugs.add(selected);
        }
        return slugs.stream().map(slug -> new WorldPage.Option(slug, Text.platformName(slug), slug.equals(selected)))
                .sorted(Comparator.comparing(o -> o.label().toLowerCase()))
                .toList();
    }

    private static List<WorldPage.Option> statusOptions(Status selected) {
        Map<Status, WorldPage.Option> options = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            options.put(s, new WorldPage.Option(s.name(), Text.label(s), s == selected));
        }
        return List.copyOf(options.values());
    }

    private static String asOfParam(LocalDate asOf) {
        return asOf == null ? "" : "&asOf=" + asOf;
    }
}
