package org.restrictionledger.ingest.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.problem.Problem;
import org.restrictionledger.support.problem.ProblemException;

/**
 * Refuses an oversized body with a 413 problem document: from its Content-Length before reading it, and, for a body
 * sent chunked (no length up front), from its size once read and before it is parsed ({@link #check}). Past
 * {@code quarkus.http.limits.max-body-size} (17M) the HTTP layer itself cuts a chunked body off.
 */
@Singleton
public class BodyLimits {

    static final long ONE_REPORT = 64 * 1024;
    static final long BATCH = 16 * 1024 * 1024;

    /** The resource's own check, for bodies that came without a Content-Length. */
    static void check(byte[] body, long limit) {
        if (body != null && body.length > limit) {
            throw new ProblemException(tooLarge(body.length, limit));
        }
    }

    private static Problem tooLarge(long length, long limit) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "the body has " + length + " bytes; this endpoint takes at most " + limit);
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/api/v1/reports*").order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = ctx.request().path().equals("/api/v1/reports") ? ONE_REPORT : BATCH;
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                Problem problem = tooLarge(Long.parseLong(length), limit).at(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.write(problem));
            } else {
                ctx.next();
            }
        });
    }
}
