package org.restrictionledger.support.input;

import org.restrictionledger.events.StreamId;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.ProblemException;

/**
 * The one reading of a country and a platform in a URL: an ISO code, English name or alias, in any case, resolved by
 * the catalogue; an unknown one is a 404 that quotes it (an excerpt), on every service.
 */
public final class Streams {

    private Streams() {
    }

    /** @return the ISO 3166-1 alpha-2 code */
    public static String country(String text) {
        return Countries.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown country '" + Excerpt.of(text) + "'"));
    }

    /** @return the platform's slug */
    public static String platform(String text) {
        return Platforms.resolve(text).orElseThrow(() -> ProblemException.notFound("unknown platform '" + Excerpt.of(text) + "'")).slug();
    }

    public static StreamId stream(String country, String platform) {
        return new StreamId(country(country), platform(platform));
    }
}
