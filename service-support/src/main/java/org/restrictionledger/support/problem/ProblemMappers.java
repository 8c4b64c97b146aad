package org.restrictionledger.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.restrictionledger.support.messaging.Failure;
import org.restrictionledger.support.security.AuthProblems;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Every error a service answers is an RFC 9457 problem document; nothing leaks a stack trace or an HTML page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds().toString());
        }
        return response;
    }

    /** Security refusals raised inside a resource (the path rules answer before it, through AuthProblems). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpHeaders headers) {
        return refuse(AuthProblems.unauthorized(headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return refuse(AuthProblems.forbidden());
    }

    private Response refuse(AuthProblems.Refusal refusal) {
        Response response = respond(refusal.problem());
        response.getHeaders().putSingle("WWW-Authenticate", refusal.challenge());
        return response;
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining()).substring(1)
                : "body";
        return respond(Problem.invalid("Malformed JSON", List.of(new FieldError(field, e.getOriginalMessage()))));
    }

    /**
     * A value of the wrong type or form in a body bound by JAX-RS ({@code "checkpointId": "x"}, a list for a string).
     * Named here because the platform maps exactly this type itself, with a bare 400 and no body outside dev mode,
     * and the most specific mapper wins over {@link #malformedJson}.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        return respond(Problem.invalid("Malformed JSON", List.of(new FieldError(field.isEmpty() ? "body" : field,
                "wrong type or form: expected " + ExpectedType.of(e.getTargetType())))));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return respond(Problem.of(status, slug, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (Failure.classify(e) == Failure.Kind.TRANSIENT) {
            // The database or the broker is away: the client may retry (with the same Idempotency-Key).
            LOG.warnf("answering %s with 503: %s", Objects.requireNonNullElse(path(), "?"), e.toString());
            Response response = respond(Problem.of(503, "unavailable", "Service unavailable",
                    "a store this service needs is not reachable right now; retry shortly"));
            response.getHeaders().putSingle("Retry-After", "2");
            return response;
        }
        LOG.errorf(e, "unexpected error answering %s", Objects.requireNonNullElse(path(), "?"));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed; the error is logged."));
    }

    /**
     * The request's path, or null when the request context is gone (an exception surfacing after the request was
     * handed to another thread): the problem is still answered, without its {@code instance}.
     */
    private String path() {
        try {
            return uri == null ? null : uri.getPath();
        } catch (IllegalStateException noRequest) {
            return null;
        }
    }

    private Response respond(Problem problem) {
        String path = path();
        Problem located = path == null ? problem : problem.at(path);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }
}
