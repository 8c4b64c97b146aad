package org.restrictionledger.support.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer of the public port carries, whoever produced it (a resource, a problem mapper, the CORS filter,
 * a 404 for an unknown path):
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser never guesses a type (a CSV or JSON body never runs as
 *       HTML or script);</li>
 *   <li>{@code Referrer-Policy: no-referrer}: query strings (country, platform filters) never travel to a third
 *       party;</li>
 *   <li>{@code Content-Security-Policy}: for HTML the strict page policy of {@code rl.security.html-csp} (same-origin
 *       scripts, styles and connections only, no frames, no plugins); for everything else nothing may load at all;
 *       an endpoint that sets its own policy keeps it;</li>
 *   <li>{@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors};</li>
 *   <li>{@code Cache-Control: no-store} unless the endpoint said how it may be cached (the query API's polling GETs
 *       say {@code no-cache} with an ETag): submissions and problems may be private to the caller, and no shared
 *       cache should keep them.</li>
 * </ul>
 * The management port (health, metrics) is not reachable from outside and carries none of them.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before CORS (300) and authentication (200), so their rejections carry the headers too. */
    static final int PRIORITY = 400;

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final String htmlCsp;

    SecurityHeaders(@ConfigProperty(name = "rl.security.html-csp") String htmlCsp) {
        this.htmlCsp = htmlCsp;
    }

    void register(@Observes Filters filters) {
        filters.register(this::onHeadersEnd, PRIORITY);
    }

    private void onHeadersEnd(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> apply(context.response().headers()));
        context.next();
    }

    void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Content-Security-Policy")) {
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            boolean html = type != null && type.toLowerCase().startsWith("text/html");
            headers.set("Content-Security-Policy", html ? htmlCsp : API_CSP);
        }
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
