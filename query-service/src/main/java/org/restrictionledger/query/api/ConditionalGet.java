package org.restrictionledger.query.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.restrictionledger.events.catalog.Countries;
import org.restrictionledger.events.catalog.Platform;
import org.restrictionledger.events.catalog.Platforms;
import org.restrictionledger.query.live.ChangeFeed;
import org.restrictionledger.query.live.Versions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cheap polling for every GET (and HEAD) of the API: a strong {@code ETag} made of the latest change of exactly the streams the
 * body covers (one stream, a country's, a platform's, or the world's, as the URL and its filters say) and of the
 * request (path, query, and the representation negotiated: JSON or CSV). Those marks are kept in memory by the
 * {@link ChangeFeed} from the change log ({@link Versions}), so a matching {@code If-None-Match} is answered 304 from
 * a map lookup, before any body is built or the database is asked; a change in RU/telegram changes the tags of RU's
 * lists and of the world's, and not of {@code /countries/RU/platforms/whatsapp} nor of another country. The marks
 * follow the store within one poll interval ({@code query.stream.poll-interval}); a read-your-writes request
 * ({@code minVersion}) newer than the marks is never answered 304. Every answer carries {@code Cache-Control:
 * no-cache} (store, but revalidate), {@code Last-Modified} and {@code Vary: Accept}.
 * <p>
 * A 200 JSON body is kept under its tag ({@link Bodies}) and sent again, as bytes, to every GET of the same tag: a
 * dashboard polling without {@code If-None-Match} costs a map lookup too, not a database read and a serialisation.
 * Only while the marks show every write this instance made ({@link Versions#current()}): its projection's commits
 * reach the marks within milliseconds, and meanwhile bodies come from the store. A read-your-writes request
 * ({@code minVersion}) and CSV are never served from it. {@code /api/v1/admin} is not a read model and is never tagged.
 */
public class ConditionalGet {

    private static final String TAG = ConditionalGet.class.getName() + ".tag";
    private static final String MODIFIED = ConditionalGet.class.getName() + ".modified";
    private static final String ANY = ConditionalGet.class.getName() + ".any";
    private static final String CACHED_AT = ConditionalGet.class.getName() + ".cachedAt";
    private static final List<String> UNCACHED = List.of("/api/v1/stream", "/api/v1/projection", "/api/v1/admin");
    private static final MediaType CSV = MediaType.valueOf(Params.CSV);
    private static final int MAX_DIGESTS = 4096;

    private final Versions versions;
    private final ObjectMapper mapper;
    private final Bodies bodies = new Bodies();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    ConditionalGet(Versions versions, ObjectMapper mapper, MeterRegistry registry) {
        this.versions = versions;
        this.mapper = mapper;
        this.hits = Counter.builder("query.http.bodies").tag("result", "hit")
                .description("200 answers sent from the body cache (hit) or built from the store (miss)").register(registry);
        this.misses = Counter.builder("query.http.bodies").tag("result", "miss")
                .description("200 answers sent from the body cache (hit) or built from the store (miss)").register(registry);
        Gauge.builder("query.http.bodies.cached", bodies, Bodies::size)
                .description("JSON bodies kept by their ETag").register(registry);
    }

    // On the event loop (nothing here blocks): a 304 or a kept body is answered without a hop to a worker thread.
    // Who may read is decided before any filter, by the HTTP permission policies.
    @ServerRequestFilter(nonBlocking = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // HEAD answers the header fields GET would (RFC 9110 9.3.2): the same tag, and 304 on a match.
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || !path.startsWith("/api/v1/") || UNCACHED.stream().anyMatch(path::startsWith)
                || !versions.ready()) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        Versions.Mark mark = mark(path.split("/"), query);
        if (mark == null) {
            return Optional.empty(); // a name no stream has: the resource answers 404
        }
        EntityTag tag = new EntityTag(mark.seq() + "-" + digest(request));
        request.setProperty(TAG, tag);
        request.setProperty(MODIFIED, mark.at());
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag) && !waitsForNewer(mark, query, request)) {
            return Optional.of(headers(Response.notModified(tag), mark.at()).build());
        }
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            // RFC 9110 13.1.2: "*" matches only when the resource has a current representation, which only the
            // resource can tell (an unknown country is a 404 whatever the header says).
            request.setProperty(ANY, Boolean.TRUE);
        } else if ("GET".equals(request.getMethod()) && !csv(request) && !readYourWrites(query, request)
                && versions.current()) {
            byte[] body = bodies.get(tag.getValue());
            if (body != null) {
                hits.increment();
                return Optional.of(headers(Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag), mark.at()).build());
            }
            request.setProperty(CACHED_AT, versions.world().seq());
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
            keep(request, response, (EntityTag) tag);
        }
    }

    /**
     * Serialises a JSON body here, with the application's mapper, and keeps it under its tag: only when the marks
     * were current when the request began and have not moved since, so the body is of the tag's state or newer.
     */
    private void keep(ContainerRequestContext request, ContainerResponseContext response, EntityTag tag) {
        Object worldAtStart = request.getProperty(CACHED_AT);
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (worldAtStart == null || response.getStatus() != 200 || entity == null || !serialisable(entity)
                || (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            return;
        }
        misses.increment();
        if (!versions.current() || versions.world().seq() != (long) worldAtStart) {
            return;
        }
        try {
            byte[] body = mapper.writeValueAsBytes(entity);
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
            bodies.put(tag.getValue(), body);
        } catch (JsonProcessingException e) {
            // Left to the resource's own writer, which answers as it would have.
        }
    }

    /** Entities Jackson writes as the resource's writer would; text, bytes and streams are written as they are. */
    private static boolean serialisable(Object entity) {
        return !(entity instanceof CharSequence || entity instanceof byte[] || entity instanceof StreamingOutput
                || entity instanceof java.io.InputStream || entity instanceof java.io.File
                || entity instanceof java.nio.file.Path);
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Instant modified) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.LAST_MODIFIED, httpDate(modified))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /**
     * The latest change of the streams a URL's body covers: {@code /countries/{cc}/platforms/{p}} one stream;
     * {@code /countries/{cc}/...} the country (one stream for a timeline with {@code ?platform=}); {@code /platforms/{p}/...} the
     * platform; {@code /fines} and {@code /stats} what their {@code country} / {@code platform} filters name; the world
     * otherwise. Null when a name in the path resolves to nothing.
     */
    private Versions.Mark mark(String[] parts, MultivaluedMap<String, String> query) {
        String resource = parts.length > 3 ? parts[3] : "";
        if ("countries".equals(resource) && parts.length > 4) {
            String country = Countries.resolve(parts[4]).orElse(null);
            String platform = parts.length > 6 && "platforms".equals(parts[5]) ? parts[6]
                    : parts.length > 5 && "timeline".equals(parts[5]) ? query.getFirst("platform") : null;
            return country == null ? null : scope(country, platform);
        }
        if ("platforms".equals(resource) && parts.length > 4) {
            return scope(null, parts[4]);
        }
        if ("fines".equals(resource) || "stats".equals(resource)) {
            String country = query.getFirst("country");
            return scope(country == null ? null : Countries.resolve(country).orElse(null),
                    "fines".equals(resource) ? query.getFirst("platform") : null);
        }
        return versions.world();
    }

    /** The mark of a country and/or a platform named in the URL; null when the platform's name resolves to nothing. */
    private Versions.Mark scope(String country, String platform) {
        String slug = platform == null ? null : Platforms.resolve(platform).map(Platform::slug).orElse(null);
        return platform != null && slug == null ? null : versions.scope(country, slug);
    }

    private static boolean readYourWrites(MultivaluedMap<String, String> query, ContainerRequestContext request) {
        return query.containsKey("minVersion") || request.getHeaderString("X-Min-Version") != null;
    }

    /** A read-your-writes request for a version the marks have not reached yet: it must see the body. */
    private static boolean waitsForNewer(Versions.Mark mark, MultivaluedMap<String, String> query,
                                         ContainerRequestContext request) {
        String wanted = Optional.ofNullable(query.getFirst("minVersion")).orElse(request.getHeaderString("X-Min-Version"));
        if (wanted == null) {
            return false;
        }
        try {
            return Long.parseLong(wanted.strip()) > mark.version();
        } catch (NumberFormatException e) {
            return true; // the resource answers 400
        }
    }

    /**
     * The request's own part of the tag: path, query and the representation (JSON or CSV) the resource will send.
     * Polling asks for the same few URLs again and again: their digests are remembered (a bounded map, emptied when
     * full, since anyone may send any URL).
     */
    private String digest(ContainerRequestContext request) {
        String representation = request.getUriInfo().getRequestUri().getRawPath() + "?"
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).orElse("") + "|"
                + (csv(request) ? Params.CSV : MediaType.APPLICATION_JSON);
        String known = digests.get(representation);
        if (known != null) {
            return known;
        }
        if (digests.size() >= MAX_DIGESTS) {
            digests.clear();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation.getBytes(StandardCharsets.UTF_8));
            String digest = HexFormat.of().formatHex(hash, 0, 8);
            digests.put(representation, digest);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link Params#csv}: {@code ?format=csv}, or CSV named in Accept. */
    private static boolean csv(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format != null) {
            return format.equalsIgnoreCase("csv");
        }
        return request.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(CSV) && !t.isWildcardType());
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
