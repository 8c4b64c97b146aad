package org.restrictionledger.ledger.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.checkpoint.Checkpoint;
import org.restrictionledger.events.checkpoint.CheckpointVerifier;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.ledger.checkpoint.CheckpointKey;
import org.restrictionledger.ledger.checkpoint.CheckpointService;
import org.restrictionledger.support.problem.ProblemException;

import java.util.List;

/**
 * {@code /api/v1/checkpoints}: signed checkpoints of every stream's head, the key that signs them, and a check of a
 * checkpoint kept from earlier against the store.
 */
@Path("/api/v1/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointResource {

    private final CheckpointService checkpoints;
    private final CheckpointKey key;

    CheckpointResource(CheckpointService checkpoints, CheckpointKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    public record PublicKeyView(String algorithm, String keyId, String publicKey) {
    }

    public record CheckpointCheck(boolean valid, List<CheckpointVerifier.Finding> findings) {
    }

    @POST
    @Operation(summary = "Sign a checkpoint of every stream's head now; it is also published on restrictions.checkpoints.v1")
    @APIResponse(responseCode = "201", description = "The signed checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Checkpoint.class)))
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(checkpoints.publish()).build();
    }

    @GET
    @Path("public-key")
    @Operation(summary = "The Ed25519 public key that signs checkpoints (base64 X.509 SubjectPublicKeyInfo) and its id")
    public PublicKeyView publicKey() {
        return new PublicKeyView(Checkpoints.ALGORITHM, Checkpoints.keyId(key.publicKey()), key.publicKeyBase64());
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a kept checkpoint: signed by this ledger, and each stream still passes through its head")
    @APIResponse(responseCode = "200", description = "valid, or what does not match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckpointCheck.class),
                    examples = @ExampleObject(name = "valid", value = """
                            {"valid": true, "findings": []}""")))
    public CheckpointCheck verify(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.heads() == null || checkpoint.merkleRoot() == null) {
            throw ProblemException.invalid("body", "a checkpoint as POST /api/v1/checkpoints returned it");
        }
        List<CheckpointVerifier.Finding> findings = checkpoints.verify(checkpoint);
        return new CheckpointCheck(findings.isEmpty(), findings);
    }
}
