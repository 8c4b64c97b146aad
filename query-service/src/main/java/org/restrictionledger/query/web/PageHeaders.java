package org.restrictionledger.query.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every HTML answer carries a strict Content-Security-Policy: scripts, styles, images and the SSE connection only from
 * this origin, no inline script or style, no plugins, not framable. The pages are written for it (all script in
 * {@code /static/status.js}, all style in {@code /static/status.css}, no {@code style} attributes).
 */
public class PageHeaders {

    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", CSP);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
            // The page is the read model at one moment: revalidate, never show a stale one from cache.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }
}
