package org.restrictionledger.bench;

/**
 * Every path the harness calls, in one place: the public API only. The health paths may move to a management port
 * (quarkus.management.enabled); when they do, this is the one place to change.
 */
final class Endpoints {

    static final String READY = "/q/health/ready";

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
