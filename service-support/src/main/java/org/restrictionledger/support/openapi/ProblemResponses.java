package org.restrictionledger.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.restrictionledger.support.problem.Problem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completes every service's OpenAPI document with what the shared edge answers, so that no resource has to repeat it:
 * the {@code Problem} schema (RFC 9457, {@code application/problem+json}) on every error response, and the error
 * responses that {@code service-support} and the platform give to any operation of a kind:
 * <ul>
 *   <li>400 to an operation that takes a query or header parameter or a body ({@code ProblemMappers}: every field
 *   error at once); a resource declares it where a malformed path segment is a 400 too;</li>
 *   <li>404 to one with a path parameter (an unknown country, platform, submission…);</li>
 *   <li>401 and 403, and the {@code bearer} security requirement, to writes, {@code /admin/} operations and
 *   submissions, which need a token with a role;</li>
 *   <li>429 with {@code Retry-After} to what {@code RateLimitFilter} limits: writes, CSV exports, event streams;</li>
 *   <li>503 with {@code Retry-After} to every {@code /api/} operation: a store the service needs is away;</li>
 *   <li>500 to every operation: what nobody expected, logged, answered as a problem without details.</li>
 * </ul>
 * A response a resource already declares keeps its description; it only gains the problem content if it had none.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";
    /**
     * The one security scheme, a bearer JWT ({@code quarkus.smallrye-openapi.security-scheme=jwt}, service-support's
     * microprofile-config.properties), named by every operation that answers 401.
     */
    public static final String BEARER_SCHEME = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    static final String CSV = "text/csv";
    static final String EVENT_STREAM = "text/event-stream";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "A malformed parameter, header or body: the problem names every field at fault",
            "401", "No bearer token, or one that is not valid",
            "403", "The token lacks the role this operation needs",
            "404", "Nothing is known by that name (country, platform, id)",
            "409", "The request conflicts with what is under way",
            "413", "The body is larger than this operation takes",
            "422", "Well-formed, but refused (see the problem's detail)",
            "500", "An unexpected error, logged; the problem carries no internals",
            "429", "Too many requests from this client; retry after Retry-After seconds",
            "503", "A store this service needs is not reachable right now; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(FIELD_ERROR_SCHEMA)) {
            openAPI.getComponents().addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean api = path.startsWith("/api/");
        if (parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH) || operation.getRequestBody() != null) {
            ensure(responses, "400");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            ensure(responses, "404");
        }
        if (api && (write || path.contains("/admin/") || path.startsWith("/api/v1/submissions"))) {
            ensure(responses, "401");
            ensure(responses, "403");
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME)));
        }
        if (api && (write || answers(responses, CSV) || answers(responses, EVENT_STREAM))) {
            ensure(responses, "429");
        }
        if (api) {
            ensure(responses, "503");
        }
        ensure(responses, "500");
        // Every error response, declared here or by a resource, is a problem document.
        new TreeMap<>(responses.getAPIResponses()).forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response);
            }
        });
    }

    private static boolean answers(APIResponses responses, String mediaType) {
        return responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(e -> e.getValue().getContent())
                .anyMatch(c -> c != null && c.getMediaTypes() != null && c.getMediaTypes().containsKey(mediaType));
    }

    private static void ensure(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    private static void asProblem(String code, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, "An error, as a problem document"));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                    .example(example(Integer.parseInt(code), response.getDescription())));
            response.setContent(content);
        }
        if ((code.equals("429") || code.equals("503"))
                && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            Header retryAfter = OASFactory.createHeader().description("seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO));
            response.addHeader("Retry-After", retryAfter);
        }
    }

    private static Map<String, Object> example(int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            case 503 -> "unavailable";
            default -> "error";
        });
        example.put("title", switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 429 -> "Too many requests";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable";
            default -> "Error";
        });
        example.put("status", status);
        example.put("detail", status == 400 ? "country: no country is called 'Atlantis'" : detail);
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "country", "reason", "no country is called 'Atlantis'")));
        }
        return example;
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (application/problem+json). Members with no value are "
                        + "left out; errors lists every field error of the request at once")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("a URI naming the kind of problem").format("uri"))
                .addProperty("title", string("a short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("the HTTP status code"))
                .addProperty("detail", string("what went wrong with this request"))
                .addProperty("instance", string("the request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("a JSON path such as sources[0].url, or a parameter or header name"))
                .addProperty("reason", string("why it is wrong"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
