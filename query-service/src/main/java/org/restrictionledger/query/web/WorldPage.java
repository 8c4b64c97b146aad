package org.restrictionledger.query.web;

import java.util.List;

/**
 * The world page: a map coloured by each country's worst platform status and the same as a table, as of a day, for
 * one platform or all.
 *
 * @param after the status change this page shows everything up to: its live updates resume after it
 */
public record WorldPage(Header header, Filters filters, List<LegendEntry> legend, List<MapCountry> map,
                        List<Column> columns, List<CountryRow> rows, String csv, long after) {

    /** What the page is about, above the map. */
    public record Header(String title, String asOf, String caption) {
    }

    /** The filter form's state. */
    public record Filters(String asOf, List<Option> platforms, List<Option> statuses, String sort) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record LegendEntry(StatusLabel status, int countries) {
    }

    /** @param href null for a country without a record: not a link, not a tab stop */
    public record MapCountry(String code, String name, String path, StatusLabel status, String href, String title) {
    }

    /** @param ariaSort {@code ascending}, {@code descending} or {@code none}, for screen readers */
    public record Column(String label, String href, String ariaSort) {
    }

    public record CountryRow(String code, String name, String href, StatusLabel worst, List<Chip> platforms,
                             int fines, String fineTotals, String lastChange) {
    }

    /** One platform of a country, in the table's cell. */
    public record Chip(String name, StatusLabel status) {
    }
}
