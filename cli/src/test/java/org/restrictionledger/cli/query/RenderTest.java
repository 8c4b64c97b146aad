package org.restrictionledger.cli.query;

import org.junit.jupiter.api.Test;
import org.restrictionledger.events.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderTest {

    @Test
    void aCountryIsATableOfItsPlatforms() {
        String text = StatusCommand.country(Json.tree("""
                {"country": "RU", "countryName": "Russia", "asOf": "2026-01-01", "platforms": [
                  {"stream": "RU/whatsapp", "status": "BLOCKED", "since": {"date": "2026-02-01", "precision": "MONTH"},
                   "activeMeasures": [{"measure": "FULL_BLOCK", "features": []},
                                      {"measure": "FEATURE_LIMIT", "features": ["voice_calls", "video_calls"]}],
                   "promoted": false, "fineSummary": {"count": 2, "totals": [{"currency": "RUB", "amount": "4000000.00"}],
                   "outstanding": []}, "version": 4},
                  {"stream": "RU/max", "status": "OPEN", "since": null, "activeMeasures": [], "promoted": true,
                   "fineSummary": {"count": 0, "totals": [], "outstanding": []}, "version": 1}]}"""));
        assertEquals("""
                Russia (RU) as of 2026-01-01
                PLATFORM  STATUS   SINCE               MEASURES                                            PROMOTED  FINES              OUTSTANDING  VERSION
                --------  -------  ------------------  --------------------------------------------------  --------  -----------------  -----------  -------
                whatsapp  BLOCKED  2026-02-01 (month)  FULL_BLOCK, FEATURE_LIMIT(voice_calls,video_calls)            2: 4000000.00 RUB               4
                max       OPEN                                                                             yes                                       1
                """, text);
    }

    @Test
    void onePlatformShowsItsMeasuresAndFines() {
        String text = StatusCommand.platform(Json.tree("""
                {"stream": "KG/whatsapp", "status": "BLOCKED", "since": {"date": "2026-02-12", "precision": "DAY"},
                 "activeMeasures": [{"restrictionId": "r1", "measure": "FULL_BLOCK", "features": [],
                   "authority": "Ministry", "legalBasis": "OTHER", "reason": "law",
                   "since": {"date": "2026-02-12", "precision": "DAY"}, "sources": [{"url": "https://example.org/kg"}]}],
                 "promoted": false, "fines": [{"fineId": "f1", "amount": {"currency": "KGS", "amount": "100.00"},
                   "authority": "Court", "imposedOn": {"date": "2026", "precision": "YEAR"}, "state": "OUTSTANDING"}],
                 "fineSummary": {"count": 1, "totals": [{"currency": "KGS", "amount": "100.00"}],
                   "outstanding": [{"currency": "KGS", "amount": "100.00"}]},
                 "version": 2, "lastChange": "2026-02-12T10:00:00Z"}"""));
        assertEquals("""
                KG/whatsapp: BLOCKED since 2026-02-12 (version 2, last change 2026-02-12T10:00:00Z)

                Active measures
                MEASURE     SINCE       AUTHORITY  LEGAL BASIS  REASON  SOURCES                 RESTRICTION ID
                ----------  ----------  ---------  -----------  ------  ----------------------  --------------
                FULL_BLOCK  2026-02-12  Ministry   OTHER        law     https://example.org/kg  r1

                Fines (total 100.00 KGS; outstanding 100.00 KGS)
                IMPOSED      AMOUNT      STATE        AUTHORITY  FINE ID
                -----------  ----------  -----------  ---------  -------
                2026 (year)  100.00 KGS  OUTSTANDING  Court      f1
                """, text);
    }

    @Test
    void aTimelineRowSaysWhatHappenedAndWhetherItWasCorrected() {
        Table table = new Table("EFFECTIVE", "STREAM", "V", "TYPE", "WHAT", "CORRECTED", "EVENT ID");
        TimelineCommand.row(table, Json.tree("""
                {"eventId": "e1", "stream": "RU/whatsapp", "type": "fine.imposed", "streamVersion": 3,
                 "effective": {"date": "2026-01-01", "precision": "YEAR"},
                 "event": {"type": "fine.imposed", "amount": "10.00", "currency": "RUB", "authority": "Court"},
                 "correctedBy": {"eventId": "abcdef0123456789", "action": "RETRACT", "reason": "wrong court"}}"""));
        assertEquals("""
                EFFECTIVE          STREAM       V  TYPE          WHAT                CORRECTED                           EVENT ID
                -----------------  -----------  -  ------------  ------------------  ----------------------------------  --------
                2026-01-01 (year)  RU/whatsapp  3  fine.imposed  10.00 RUB by Court  retracted by abcdef01: wrong court  e1
                """, table.render());
    }
}
