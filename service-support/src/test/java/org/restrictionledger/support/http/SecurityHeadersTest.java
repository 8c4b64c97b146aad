package org.restrictionledger.support.http;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which policy each kind of answer gets (the headers on real answers: ingest's EdgeSecurityTest). */
class SecurityHeadersTest {

    private static final String PAGE_POLICY = "default-src 'self'; frame-ancestors 'none'";

    private static MultiMap apply(String contentType, String... preset) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        for (int i = 0; i < preset.length; i += 2) {
            headers.set(preset[i], preset[i + 1]);
        }
        new SecurityHeaders(PAGE_POLICY).apply(headers);
        return headers;
    }

    @Test
    void htmlGetsThePagePolicyAndEverythingElseLoadsNothing() {
        assertEquals(PAGE_POLICY, apply("text/html;charset=UTF-8").get("Content-Security-Policy"));
        assertEquals(SecurityHeaders.API_CSP, apply("application/json").get("Content-Security-Policy"));
        assertEquals(SecurityHeaders.API_CSP, apply("text/csv; charset=UTF-8").get("Content-Security-Policy"));
        assertEquals(SecurityHeaders.API_CSP, apply(null).get("Content-Security-Policy"));
    }

    @Test
    void whatAnEndpointDecidedItselfIsKept() {
        MultiMap page = apply("text/html", "Content-Security-Policy", "default-src 'self'", "Cache-Control", "no-cache");
        assertEquals("default-src 'self'", page.get("Content-Security-Policy"));
        assertEquals("no-cache", page.get("Cache-Control"));
        assertEquals("no-store", apply("application/json").get("Cache-Control"));
    }

    @Test
    void noSniffingAndNoReferrerAlways() {
        MultiMap headers = apply("application/problem+json", "X-Content-Type-Options", "whatever");
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
    }
}
