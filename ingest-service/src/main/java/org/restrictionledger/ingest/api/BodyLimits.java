package org.restrictionledger.ingest.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.problem.Problem;

/**
 * Refuses an oversized body from its Content-Length before reading it, with a 413 problem document. (A chunked body
 * has no length up front: past {@code quarkus.http.limits.max-body-size} the HTTP layer cuts it off with a bare 413.)
 */
@Singleton
public class BodyLimits {

    static final long ONE_REPORT = 64 * 1024;
    static final long BATCH = 16 * 1024 * 1024;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/api/v1/reports*").order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long limit = ctx.request().path().equals("/api/v1/reports") ? ONE_REPORT : BATCH;
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                        "the body has " + length + " bytes; " + ctx.request().path() + " takes at most " + limit)
                        .at(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.write(problem));
            } else {
                ctx.next();
            }
        });
    }
}
