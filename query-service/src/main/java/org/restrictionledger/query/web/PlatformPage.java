package org.restrictionledger.query.web;

import java.util.List;

/** One platform, country by country: its own map and table. */
public record PlatformPage(String slug, String name, String owner, String asOf, String asOfText,
                           List<WorldPage.LegendEntry> legend, List<WorldPage.MapCountry> map, List<Row> rows,
                           String csv, long after) {

    /** Which live changes concern this page (see status.js). */
    public String scope() {
        return "platform:" + slug;
    }

    public String caption() {
        return "Each country in the colour of " + name + "'s status there, " + asOfText + ".";
    }

    public record Row(String code, String name, String href, StatusLabel status, String since,
                      List<Details.Measure> measures, String restrictedFeatures, boolean promoted, int fines,
                      String fineTotals) {
    }
}
