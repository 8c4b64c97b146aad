package org.restrictionledger.bench;

/**
 * Every path the harness calls, in one place: the public API only. Health lives on each service's management port,
 * which a stack given by URL does not name, so a service given by URL counts as up once its public port answers.
 */
final class Endpoints {

    static final String READY = "/api/v1/";

    static final String REPORT = "/api/v1/reports";
    static final String REPORT_BATCH = "/api/v1/reports/batch";
    static final String PROJECTION = "/api/v1/projection";
    static final String REBUILD = "/api/v1/projection/rebuild";

    static final String MINIMAL_TEXT = "/hello";
    static final String MINIMAL_JSON = "/items";

    private Endpoints() {
    }

    static String countryPlatforms(String country) {
        return "/api/v1/countries/" + country + "/platforms";
    }

    static String platformInCountry(String country, String platform, long minVersion) {
        return "/api/v1/countries/" + country + "/platforms/" + platform + "?minVersion=" + minVersion;
    }

    static String platformCountries(String platform) {
        return "/api/v1/platforms/" + platform + "/countries";
    }
}
