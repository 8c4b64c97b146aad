package org.restrictionledger.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A report as analysts and partner systems submit it: free text where people write free text (country and platform
 * names), exact values where the ledger needs them. {@code ReportNormaliser} checks every field and answers all errors
 * at once. The HTTP layer reads bodies (JSON, CSV rows) into it; the domain owns it, so the domain needs nothing of HTTP. Which fields a type needs:
 * <ul>
 *   <li>{@code restriction.imposed}: measure (features for FEATURE_LIMIT)</li>
 *   <li>{@code restriction.changed}: fromMeasure or restrictionId, direction, measure (the new one), features</li>
 *   <li>{@code restriction.lifted}: measure, restrictionId when several of that measure are active</li>
 *   <li>{@code fine.imposed}: amount and currency (or neither, when the amount was not reported)</li>
 *   <li>{@code fine.paid}, {@code fine.annulled}: fineId</li>
 *   <li>{@code alternative.promoted}: replaces, services</li>
 *   <li>{@code record.corrected}: targetEventId, action (RETRACT or AMEND), reason, amendment for AMEND; effective
 *       defaults to the day of the report</li>
 * </ul>
 *
 * @param type          one of the types above
 * @param country       ISO 3166-1 alpha-2 code or English name ("RU", "Russia", "Russian Federation")
 * @param platform      catalogue name, alias or new slug ("WhatsApp", "twitter", "my-platform")
 * @param measure       FULL_BLOCK, FEATURE_LIMIT, THROTTLING, DOMAIN_DELISTING, APP_STORE_REMOVAL or OTHER
 * @param features      features limited, e.g. {@code voice_calls}
 * @param fromMeasure   for a change: the active measure that changes
 * @param direction     for a change: ESCALATED or EASED
 * @param restrictionId for a change or lift: the event id of the imposition it concerns
 * @param amount        for a fine: exact decimal of any size (at most 100 digits before the point, the currency's minor
 *                      unit after it), as a string ("4000000.00") or a JSON number
 * @param currency      for a fine: ISO 4217 ("RUB")
 * @param fineId        for a payment or annulment: the event id of the fine
 * @param replaces      for a promotion: the platforms it is promoted to replace
 * @param services      for a promotion: what it offers besides, e.g. {@code government_services}
 * @param targetEventId for a correction: the event that was wrong
 * @param action        for a correction: RETRACT or AMEND
 * @param amendment     for an AMEND: the report as it should have been (same type as the target; country and
 *                      platform may be left out)
 * @param authority     who decided or announced it, e.g. "Roskomnadzor", "Tagansky District Court"
 * @param legalBasis    DATA_LOCALISATION, CONTENT_MODERATION, LOCAL_REPRESENTATIVE, LAW_ENFORCEMENT_COOPERATION, OTHER
 * @param reason        the stated reason, in words
 * @param effective     when it took effect: {@code "2026-02-12"} (day), {@code "2025-12"} (month), {@code "2025"}
 *                      (year), or {@code {"date": "2025-12-01", "precision": "MONTH"}}
 * @param sources       at least one: {@code {"url": …, "publisher": …, "publishedOn": "2026-02-12"}}
 * @param repeat        for {@code restriction.imposed} and {@code fine.imposed}: {@code true} when the same facts
 *                      (measure and features, or amount and currency; effective date; authority) really happened
 *                      again. Without it the ledger rejects a report equal to one it records as a duplicate, so
 *                      re-running an import changes nothing.
 */
public record ReportRequest(
        String type,
        String country,
        String platform,
        String measure,
        List<String> features,
        String fromMeasure,
        String direction,
        String restrictionId,
        JsonNode amount,
        String currency,
        String fineId,
        List<String> replaces,
        List<String> services,
        String targetEventId,
        String action,
        ReportRequest amendment,
        String authority,
        String legalBasis,
        String reason,
        JsonNode effective,
        List<SourceRequest> sources,
        Boolean repeat) {

    /** A report without {@code repeat}. */
    public ReportRequest(String type, String country, String platform, String measure, List<String> features,
                         String fromMeasure, String direction, String restrictionId, JsonNode amount, String currency,
                         String fineId, List<String> replaces, List<String> services, String targetEventId,
                         String action, ReportRequest amendment, String authority, String legalBasis, String reason,
                         JsonNode effective, List<SourceRequest> sources) {
        this(type, country, platform, measure, features, fromMeasure, direction, restrictionId, amount, currency,
                fineId, replaces, services, targetEventId, action, amendment, authority, legalBasis, reason, effective,
                sources, null);
    }

    public record SourceRequest(String url, String publisher, String publishedOn) {
    }
}
