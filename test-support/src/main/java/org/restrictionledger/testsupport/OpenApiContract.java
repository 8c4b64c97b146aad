package org.restrictionledger.testsupport;

import io.quarkus.arc.Arc;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every service's OpenAPI document must be (README "OpenAPI"): valid (swagger-parser), complete for the routes
 * the running service actually serves (read from its JAX-RS resources, not from a list kept by hand), each operation
 * with its response schemas and its problem responses, CSV and Server-Sent Events as the media types they are, and
 * schema names that say what they are (none made unique by a digit).
 */
public final class OpenApiContract {

    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv";
    static final String EVENT_STREAM = "text/event-stream";

    /** One route of a JAX-RS resource method. {@code hidden} routes are left out of the document on purpose. */
    public record Route(String method, String path, Set<String> produces, boolean hidden, String declaredBy) {
    }

    private OpenApiContract() {
    }

    /** The document, parsed and validated: fails with swagger-parser's messages if it is not valid OpenAPI. */
    public static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertNotNull(result.getOpenAPI(), () -> "not an OpenAPI document: " + result.getMessages());
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "swagger-parser's findings");
        return result.getOpenAPI();
    }

    /** Every resource method of every JAX-RS resource bean of the running application. */
    public static List<Route> servedRoutes() {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                resources.add(bean.getBeanClass());
            }
        }
        return routes(resources);
    }

    public static List<Route> routes(Iterable<Class<?>> resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                Produces produces = m.isAnnotationPresent(Produces.class) ? m.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                org.eclipse.microprofile.openapi.annotations.Operation operation =
                        m.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                routes.add(new Route(verb, normalise(base + "/" + (sub == null ? "" : sub.value())),
                        produces == null ? Set.of() : Arrays.stream(produces.value())
                                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                                .collect(Collectors.toCollection(TreeSet::new)),
                        operation != null && operation.hidden(), resource.getSimpleName() + "." + m.getName()));
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    /**
     * Checks the document against the routes: each served route is documented with a response schema for every 2xx
     * media type and at least one problem response; writes and admin operations document 401, 403 and 429; CSV and
     * SSE routes say so; nothing is documented that is not served.
     */
    public static void check(OpenAPI document, List<Route> routes) {
        assertFalse(routes.isEmpty(), "no JAX-RS resources found");
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        assertTrue(schemas.containsKey("Problem"), "the shared Problem schema");
        assertEquals(List.of(), schemas.keySet().stream()
                .filter(n -> Character.isDigit(n.charAt(n.length() - 1))).toList(),
                "schema names made unique by a number");
        assertFalse(schemas.containsKey("OutboundSseEvent"), "SSE described as a JAX-RS type");
        Set<String> schemes = securitySchemes(document);

        Set<String> served = new TreeSet<>();
        for (Route route : routes) {
            if (route.hidden()) {
                assertEquals(Set.of("text/html"), route.produces(),
                        route.declaredBy() + " is hidden from the OpenAPI document, which only pages may be");
                continue;
            }
            served.add(route.method() + " " + route.path());
            checkOperation(route, operation(document, route), schemes);
        }
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> documented.add(method.name() + " " + path)));
        assertEquals(served, documented, "documented operations = served routes");
    }

    private static Operation operation(OpenAPI document, Route route) {
        PathItem item = document.getPaths() == null ? null : document.getPaths().get(route.path());
        assertNotNull(item, () -> route.path() + " (" + route.declaredBy() + ") is not in the document; it has "
                + (document.getPaths() == null ? "no paths" : document.getPaths().keySet()));
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.method()));
        assertNotNull(operation, () -> route.method() + " " + route.path() + " is not in the document");
        return operation;
    }

    /**
     * A client generator or Swagger UI learns from the security schemes how to send a token: each must be complete
     * (an {@code openIdConnect} scheme without its discovery URL is not valid OpenAPI), and there must be a bearer one.
     */
    private static Set<String> securitySchemes(OpenAPI document) {
        Map<String, SecurityScheme> schemes = document.getComponents().getSecuritySchemes();
        assertTrue(schemes != null && !schemes.isEmpty(), "no security scheme: how would a client send its token?");
        schemes.forEach((name, scheme) -> {
            if (scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
                assertNotNull(scheme.getOpenIdConnectUrl(), "security scheme " + name + ": openIdConnect without URL");
            }
            if (scheme.getType() == SecurityScheme.Type.HTTP) {
                assertNotNull(scheme.getScheme(), "security scheme " + name + ": http without a scheme");
            }
        });
        assertTrue(schemes.values().stream().anyMatch(s -> s.getType() == SecurityScheme.Type.HTTP
                        && "bearer".equalsIgnoreCase(s.getScheme())),
                "a bearer token scheme (type http, scheme bearer): " + schemes);
        return schemes.keySet();
    }

    private static void checkOperation(Route route, Operation operation, Set<String> schemes) {
        String name = route.method() + " " + route.path();
        Map<String, ApiResponse> responses = operation.getResponses();
        assertNotNull(responses, name);
        List<String> success = responses.keySet().stream().filter(c -> c.startsWith("2")).toList();
        assertFalse(success.isEmpty(), name + ": no success response");
        Set<String> successTypes = new TreeSet<>();
        for (String code : success) {
            ApiResponse response = responses.get(code);
            if (code.equals("204")) {
                assertTrue(response.getContent() == null || response.getContent().isEmpty(),
                        name + " 204: a No Content answer has no body to describe");
                continue;
            }
            assertTrue(response.getContent() != null && !response.getContent().isEmpty(),
                    name + " " + code + ": no content");
            response.getContent().forEach((type, media) -> {
                assertNotNull(media.getSchema(), name + " " + code + " " + type + ": no schema");
                successTypes.add(type);
            });
        }
        if (route.produces().contains(CSV)) {
            assertTrue(successTypes.contains(CSV), name + " answers CSV but does not document text/csv");
        }
        if (route.produces().contains(EVENT_STREAM)) {
            assertTrue(successTypes.contains(EVENT_STREAM),
                    name + " answers SSE but does not document text/event-stream");
            Schema<?> stream = responses.get(success.get(0)).getContent().get(EVENT_STREAM).getSchema();
            boolean text = "string".equals(stream.getType())
                    || (stream.getTypes() != null && stream.getTypes().contains("string"));
            assertTrue(text,
                    name + ": an event stream is text, not " + stream.get$ref());
        }

        List<String> errors = responses.keySet().stream().filter(c -> c.startsWith("4") || c.startsWith("5")).toList();
        assertFalse(errors.isEmpty(), name + ": no error response");
        for (String code : errors) {
            MediaType problem = responses.get(code).getContent() == null ? null
                    : responses.get(code).getContent().get(PROBLEM);
            assertNotNull(problem, name + " " + code + ": not an " + PROBLEM);
            assertEquals("#/components/schemas/Problem", problem.getSchema().get$ref(), name + " " + code);
        }
        boolean write = !route.method().equals("GET") && !route.method().equals("HEAD");
        if (route.path().startsWith("/api/") && (write || route.path().contains("/admin/"))) {
            for (String code : List.of("401", "403")) {
                assertTrue(responses.containsKey(code), name + ": a write or admin operation documents " + code);
            }
        }
        if (responses.containsKey("401")) {
            List<SecurityRequirement> security = operation.getSecurity();
            assertTrue(security != null && !security.isEmpty()
                            && security.stream().allMatch(r -> schemes.containsAll(r.keySet())),
                    name + ": answers 401, so it names the security scheme it needs, not " + security);
        }
        if (route.path().startsWith("/api/") && (write || route.produces().contains(CSV)
                || route.produces().contains(EVENT_STREAM))) {
            assertTrue(responses.containsKey("429"), name + ": rate limited, so it documents 429");
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@code /api/v1/x//{id: [0-9]+}/} → {@code /api/v1/x/{id}}: the form OpenAPI paths take. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
