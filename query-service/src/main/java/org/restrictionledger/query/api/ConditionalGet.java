package org.restrictionledger.query.api;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.query.projection.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Cheap polling for every GET of the API: a strong {@code ETag} made of the read model's change sequence (of the
 * country the URL is about, or of the whole world) and of the request (path, query, representation). A matching
 * {@code If-None-Match} is answered 304 from that one indexed lookup, before any body is built. Every answer carries
 * {@code Cache-Control: no-cache} (store, but revalidate), {@code Last-Modified} and {@code Vary: Accept}.
 */
public class ConditionalGet {

    private static final String TAG = ConditionalGet.class.getName() + ".tag";
    private static final String MODIFIED = ConditionalGet.class.getName() + ".modified";
    private static final String ANY = ConditionalGet.class.getName() + ".any";
    private static final List<String> UNCACHED = List.of("/api/v1/stream", "/api/v1/projection");

    private final EntityManager em;

    ConditionalGet(EntityManager em) {
        this.em = em;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/api/v1/") || UNCACHED.stream().anyMatch(path::startsWith)) {
            return Optional.empty();
        }
        Object[] latest = latestChange(country(path));
        long seq = latest == null ? 0 : ((Number) latest[0]).longValue();
        Instant modified = latest == null ? Instant.EPOCH : Sql.instant(latest[1]);
        EntityTag tag = new EntityTag(seq + "-" + digest(request));
        request.setProperty(TAG, tag);
        request.setProperty(MODIFIED, modified);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Optional.of(headers(Response.notModified(tag), modified).build());
        }
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            // RFC 9110 13.1.2: "*" matches only when the resource has a current representation, which only the
            // resource can tell (an unknown country is a 404 whatever the header says).
            request.setProperty(ANY, Boolean.TRUE);
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (tag != null && response.getStatus() == 200) {
            if (request.getProperty(ANY) != null) {
                response.setStatus(304);
                response.setEntity(null);
            }
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, httpDate((Instant) request.getProperty(MODIFIED)));
            response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Instant modified) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.LAST_MODIFIED, httpDate(modified))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** The country a URL is about, when it is about one. */
    private static String country(String path) {
        String[] parts = path.split("/");
        return parts.length > 4 && "countries".equals(parts[3]) ? Countries.resolve(parts[4]).orElse(null) : null;
    }

    private Object[] latestChange(String country) {
        List<?> rows = (country == null
                ? em.createNativeQuery("SELECT seq, changed_at FROM status_changes ORDER BY seq DESC LIMIT 1")
                : em.createNativeQuery("SELECT seq, changed_at FROM status_changes WHERE country = ?1 ORDER BY seq DESC LIMIT 1")
                        .setParameter(1, country))
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private static String digest(ContainerRequestContext request) {
        String representation = request.getUriInfo().getRequestUri().getRawPath() + "?"
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).orElse("") + "|"
                + Optional.ofNullable(request.getHeaderString(HttpHeaders.ACCEPT)).orElse("");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        String quoted = "\"" + tag.getValue() + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals(quoted) || c.equals("W/" + quoted)) {
                return true;
            }
        }
        return false;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

}
