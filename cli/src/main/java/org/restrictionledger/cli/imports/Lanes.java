package org.restrictionledger.cli.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;

import java.util.Locale;

/**
 * Which stream a row will land on, as ingest will normalise it (the same catalogues, from the contract module).
 * Rows of one stream are submitted one after another in file order, because a 202 means the command is on its
 * partition: so the ledger decides them in file order (an imposition before its lift), while rows of different
 * streams go in parallel.
 */
final class Lanes {

    private Lanes() {
    }

    static String of(ObjectNode report) {
        String country = report.path("country").asText("");
        String platform = report.path("platform").asText("");
        String code = Countries.resolve(country).orElse("?" + country.strip().toLowerCase(Locale.ROOT));
        String slug = Platforms.resolve(platform).map(Platform::slug).orElse("?" + platform.strip().toLowerCase(Locale.ROOT));
        return code + "/" + slug;
    }
}
