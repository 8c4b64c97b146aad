package org.restrictionledger.query.web;

import java.util.List;

/** One country: every platform with its status, the fines, and the timeline with corrections shown as such. */
public record CountryPage(String code, String name, StatusLabel worst, String asOf, String asOfText,
                          List<Platform> platforms, List<FineRow> fines, List<String> fineTotals,
                          List<String> outstanding, List<Event> timeline, String timelineMore, Csv csv, long after) {

    /** Which live changes concern this page (see status.js). */
    public String scope() {
        return "country:" + code;
    }

    public record Platform(String slug, String name, String href, StatusLabel status, String since,
                           List<Details.Measure> measures, String restrictedFeatures, String promotion, int fines) {
    }

    public record FineRow(String platform, String amount, String state, String imposedOn, String settledOn,
                          String authority, String reason, List<Details.SourceLink> sources) {
    }

    /**
     * A timeline entry.
     *
     * @param correction    this entry is a correction of an earlier one
     * @param correctedNote for an entry a later correction retracted or amended: what the correction says; null otherwise
     * @param retracted     the entry no longer counts (struck through)
     */
    public record Event(String date, String platform, String type, String summary, String authority, String reason,
                        List<Details.SourceLink> sources, String recordedAt, boolean correction, String correctedNote,
                        boolean retracted) {
    }

    public record Csv(String platforms, String fines, String timeline) {
    }
}
