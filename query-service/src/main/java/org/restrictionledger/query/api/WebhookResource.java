package org.restrictionledger.query.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.query.webhooks.DeliveryView;
import org.restrictionledger.query.webhooks.Subscription;
import org.restrictionledger.query.webhooks.SubscriptionRequest;
import org.restrictionledger.query.webhooks.Subscriptions;
import org.restrictionledger.support.input.Values;
import org.restrictionledger.support.problem.Excerpt;
import org.restrictionledger.support.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions, managed by operators ({@code /api/v1/admin/...}: the operator role once tokens arrive; the
 * URLs are theirs to choose, so a subscription can reach whatever the query service can reach: README, "Webhooks").
 * A subscription receives a signed POST for every status change its filters match; its delivery log shows every
 * attempt.
 */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** The states a delivery can be in, as the delivery log filters them. */
    private enum DeliveryState {
        PENDING, DELIVERED, FAILED
    }

    private final Subscriptions subscriptions;

    WebhookResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to status changes (filters: countries, platforms, statuses)",
            description = "Each matching change is POSTed as application/json {\"type\": \"status.changed\", "
                    + "\"timestamp\": <when the ledger recorded the event>, \"data\": <the status.v1.json document: "
                    + "this API's platform detail with the stream version and the eventId that caused it>}, with "
                    + "Standard Webhooks headers webhook-id (the same on every retry), webhook-timestamp (Unix seconds) "
                    + "and webhook-signature (v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\"> keyed by the "
                    + "secret's base64 part after whsec_). 2xx is success; anything else is retried with exponential "
                    + "backoff for 25 h, in order per stream.")
    @APIResponse(responseCode = "201", description = "Created; the body carries the signing secret, shown only now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "400", description = "Every field error, as application/problem+json")
    @APIResponse(responseCode = "413", description = "A body over 16 KiB")
    public Response create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionRequest.class))) byte[] body) {
        SubscriptionRequest.Valid request = SubscriptionRequest.read(body);
        Subscription created = subscriptions.create(request.url(), request.description(), request.filter());
        return Response.created(URI.create(path(created.id()))).entity(created).build();
    }

    @GET
    @Operation(summary = "Every subscription: filters, enabled or disabled (and why), failures, backlog")
    public List<Subscription> list() {
        return subscriptions.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Subscription get(@PathParam("id") String id) {
        return subscriptions.find(id(id)).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a subscription, its waiting deliveries and its log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "A new signing secret; the previous one also signs for the rotation overlap (24 h)")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret, shown only now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Subscription rotateSecret(@PathParam("id") String id) {
        return subscriptions.rotateSecret(id(id)).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled subscription: failures forgotten, its waiting deliveries go, in order")
    @APIResponse(responseCode = "200", description = "The subscription, enabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Subscription enable(@PathParam("id") String id) {
        return subscriptions.enable(id(id)).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Pause deliveries; changes are still recorded for it and go when it is enabled")
    @APIResponse(responseCode = "200", description = "The subscription, disabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Subscription.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Subscription disable(@PathParam("id") String id) {
        return subscriptions.disable(id(id), "disabled by an operator").orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log, newest first: each delivery's state and every attempt (time, status code, error)")
    @APIResponse(responseCode = "200", description = "Deliveries, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "A bad state or limit")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public List<DeliveryView> deliveries(
            @PathParam("id") String id,
            @Parameter(description = "PENDING, DELIVERED or FAILED (given up); all when absent") @QueryParam("state") String state,
            @Parameter(description = "At most this many deliveries, 1 to 500 (100)") @QueryParam("limit") String limit) {
        UUID subscription = id(id);
        DeliveryState parsed = Values.enumValue("state", state, DeliveryState.class);
        String wanted = parsed == null ? null : parsed.name();
        Long max = Values.number("limit", limit, 1, 500);
        if (subscriptions.find(subscription).isEmpty()) {
            throw notFound(id);
        }
        return subscriptions.deliveries(subscription, wanted, max == null ? 100 : max.intValue());
    }

    static String path(UUID id) {
        return "/api/v1/admin/webhooks/" + id;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound(text);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no webhook subscription '" + Excerpt.of(id) + "'");
    }
}
