package org.restrictionledger.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A report as analysts and partner systems submit it: free text where people write free text (country and platform
 * names), exact values where the ledger needs them. Every field is checked by {@code ReportNormaliser}, which answers
 * all errors at once.
 *
 * @param type          {@code restriction.imposed} or {@code restriction.lifted}
 * @param country       ISO 3166-1 alpha-2 code or English name ("RU", "Russia", "Russian Federation")
 * @param platform      catalogue name, alias or new slug ("WhatsApp", "twitter", "my-platform")
 * @param measure       FULL_BLOCK, FEATURE_LIMIT, THROTTLING, DOMAIN_DELISTING, APP_STORE_REMOVAL or OTHER
 * @param features      for FEATURE_LIMIT: the features limited, e.g. {@code voice_calls}
 * @param restrictionId for a lift, optional: the event id of the imposition it ends
 * @param authority     who decided or announced it, e.g. "Roskomnadzor"
 * @param legalBasis    DATA_LOCALISATION, CONTENT_MODERATION, LOCAL_REPRESENTATIVE, LAW_ENFORCEMENT_COOPERATION, OTHER
 * @param reason        the stated reason, in words
 * @param effective     when it took effect: {@code "2026-02-12"} (day), {@code "2025-12"} (month), {@code "2025"}
 *                      (year), or {@code {"date": "2025-12-01", "precision": "MONTH"}}
 * @param sources       at least one: {@code {"url": …, "publisher": …, "publishedOn": "2026-02-12"}}
 */
public record ReportRequest(
        String type,
        String country,
        String platform,
        String measure,
        List<String> features,
        String restrictionId,
        String authority,
        String legalBasis,
        String reason,
        JsonNode effective,
        List<SourceRequest> sources) {

    public record SourceRequest(String url, String publisher, String publishedOn) {
    }
}
