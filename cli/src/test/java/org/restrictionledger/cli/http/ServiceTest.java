package org.restrictionledger.cli.http;

import org.junit.jupiter.api.Test;
import org.restrictionledger.cli.ExitCode;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceTest {

    private static Response answer(int status, String body) {
        return new Response(status, body, Optional.empty(), Optional.empty());
    }

    @Test
    void theTokenTravelsAsABearerCredential() {
        Service query = new Service("query", "http://localhost:8083/", "--query-url", Optional.of("t0k3n"));
        var request = query.request("/api/v1/countries").build();
        assertEquals("http://localhost:8083/api/v1/countries", request.uri().toString());
        assertEquals(Optional.of("Bearer t0k3n"), request.headers().firstValue("Authorization"));
        assertTrue(new Service("query", "http://q", "x", Optional.empty()).request("/a").build()
                .headers().firstValue("Authorization").isEmpty());
    }

    @Test
    void everyAnswerMapsToTheExitCodeItDeserves() {
        Service ingest = new Service("ingest", "http://localhost:8081", "--ingest-url", Optional.empty());
        String problem = """
                {"type": "https://restrictionledger.org/problems/invalid-request", "title": "Invalid report",
                 "status": 400, "detail": "2 fields are invalid",
                 "errors": [{"field": "country", "reason": "unknown"}, {"field": "sources", "reason": "required"}]}""";
        var invalid = ingest.failure(answer(400, problem), "POST /api/v1/reports");
        assertEquals(ExitCode.USAGE, invalid.exitCode());
        assertEquals("ingest answered 400 to POST /api/v1/reports: 2 fields are invalid: country: unknown; sources: required",
                invalid.getMessage());
        assertEquals(ExitCode.UNAUTHORISED, ingest.failure(answer(401, ""), "x").exitCode());
        assertTrue(ingest.failure(answer(403, ""), "x").getMessage().contains("set RL_TOKEN"));
        assertEquals(ExitCode.NOT_FOUND, ingest.failure(answer(404, "{\"detail\": \"no submission\"}"), "x").exitCode());
        assertEquals(ExitCode.UNAVAILABLE, ingest.failure(answer(503, "<html>busy</html>"), "x").exitCode());
        assertEquals("ingest answered 503 to x: <html>busy</html>", ingest.failure(answer(503, "<html>busy</html>"), "x").getMessage());
    }
}
