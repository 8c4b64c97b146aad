package org.restrictionledger.testsupport;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The contract check fails for each kind of gap it exists to catch, and passes a complete document. */
class OpenApiContractTest {

    @Path("/api/v1/things")
    @Produces("application/json")
    public static class Things {
        @GET
        @Path("{id: [0-9]+}")
        public String get() {
            return "";
        }

        @POST
        public String add() {
            return "";
        }

        @GET
        @Path("live")
        @Produces("text/event-stream")
        public String live() {
            return "";
        }
    }

    private static final String PROBLEM = """
            {"description": "x", "content": {"application/problem+json":
              {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";

    private static String document(String thing, String schemaName, String liveSchema) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {
                  "/api/v1/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true,
                      "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "ok", "content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/%2$s"}}}}, "404": %4$s}}},
                  "/api/v1/things": {"post": {"security": [{"bearer": []}], "responses": {"200": {"description": "ok", "content": {"application/json":
                      {"schema": {"type": "string"}}}}, "401": %4$s, "403": %4$s, "429": %4$s, "503": %1$s}}},
                  "/api/v1/things/live": {"get": {"responses": {"200": {"description": "ok", "content":
                      {"text/event-stream": {"schema": %3$s}}}, "429": %4$s, "503": %4$s}}}
                 },
                 "components": {"schemas": {"Problem": {"type": "object"}, "%2$s": {"type": "string"}},
                  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}
                """.formatted(thing, schemaName, liveSchema, PROBLEM);
    }

    private static void check(String json) {
        OpenApiContract.check(OpenApiContract.parse(json), OpenApiContract.routes(List.of(Things.class)));
    }

    @Test
    void aCompleteDocumentPasses() {
        check(document(PROBLEM, "Thing", "{\"type\": \"string\"}"));
    }

    @Test
    void eachGapFails() {
        assertThrows(AssertionFailedError.class, () -> check(document("{\"description\": \"no body\"}", "Thing",
                "{\"type\": \"string\"}")), "an error response that is not a problem");
        assertThrows(AssertionFailedError.class, () -> check(document(PROBLEM, "State1", "{\"type\": \"string\"}")),
                "a schema name made unique by a number");
        assertThrows(AssertionFailedError.class, () -> check(document(PROBLEM, "Thing",
                "{\"$ref\": \"#/components/schemas/Thing\"}")), "an event stream described as a type");
        assertThrows(AssertionFailedError.class, () -> check(document(PROBLEM, "Thing", "{\"type\": \"string\"}")
                .replace("\"/api/v1/things/live\"", "\"/api/v1/other\"")), "a served route missing");
        assertThrows(AssertionFailedError.class, () -> check(document(PROBLEM, "Thing", "{\"type\": \"string\"}")
                .replace("\"security\": [{\"bearer\": []}], ", "")), "a 401 without the scheme it needs");
        assertThrows(AssertionFailedError.class, () -> OpenApiContract.parse("{\"openapi\": \"3.1.0\", \"paths\": 1}"),
                "not valid OpenAPI");
    }

    @Test
    void pathsAreNormalisedAsOpenApiWritesThem() {
        assertEquals("/api/v1/things/{id}", OpenApiContract.normalise("/api/v1/things//{id: [0-9]+}/"));
        assertEquals("/", OpenApiContract.normalise("/"));
    }
}
