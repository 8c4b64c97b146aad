package org.restrictionledger.support.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.support.problem.Problem;

/**
 * Authentication and authorization refusals as RFC 9457 problems, wherever they happen (the path rules run before any
 * resource): {@code 401} when the token is missing or not valid, {@code 403} when its roles do not allow the call.
 * Both carry {@code WWW-Authenticate: Bearer} as RFC 6750 describes it: {@code error="invalid_token"} for a token
 * that was sent and refused, {@code error="insufficient_scope"} for a 403.
 */
@ApplicationScoped
public class AuthProblems {

    static final String REALM = "restriction-ledger";

    void register(@Observes Router router) {
        // First among failure handlers: Quarkus' own would answer these with an empty body.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = rootCause(context.failure());
        boolean tokenSent = context.request().getHeader("Authorization") != null;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException
                || (failure == null && context.statusCode() == 401)) {
            write(context.response(), unauthorized(tokenSent), context.request().path());
        } else if (failure instanceof ForbiddenException || (failure == null && context.statusCode() == 403)) {
            write(context.response(), forbidden(), context.request().path());
        } else {
            context.next();
        }
    }

    /** 401: no token, or one that is not valid here (signature, issuer, expiry). */
    public static Refusal unauthorized(boolean tokenSent) {
        if (tokenSent) {
            return new Refusal(Problem.of(401, "unauthorized", "Unauthorized",
                    "the bearer token was refused: it is malformed, expired, or not signed by a key this service trusts"),
                    "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        }
        return new Refusal(Problem.of(401, "unauthorized", "Unauthorized",
                "this call needs a bearer token: send Authorization: Bearer <token> (README, \"Security\")"),
                "Bearer realm=\"" + REALM + "\"");
    }

    /** 403: a valid token whose roles do not allow this call. */
    public static Refusal forbidden() {
        return new Refusal(Problem.of(403, "forbidden", "Forbidden",
                "the token's roles do not allow this call (reporter: reports and own submissions; operator: admin "
                        + "actions; reader: reads when they need a role)"),
                "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
    }

    private static void write(HttpServerResponse response, Refusal refusal, String path) {
        response.setStatusCode(refusal.problem().status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", refusal.challenge())
                .end(Json.write(refusal.problem().at(path)));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof AuthenticationFailedException || cause instanceof UnauthorizedException
                || cause instanceof ForbiddenException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A refusal: the problem document and the {@code WWW-Authenticate} challenge that goes with it. */
    public record Refusal(Problem problem, String challenge) {
    }
}
