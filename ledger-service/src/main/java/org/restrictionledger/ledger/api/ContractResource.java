package org.restrictionledger.ledger.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.restrictionledger.events.CloudEvents;
import org.restrictionledger.events.EventSchemas;
import org.restrictionledger.ledger.config.ContractConfig;
import org.restrictionledger.support.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /contract}: the partner contract, served byte for byte from the {@code events} jar this ledger runs with:
 * the AsyncAPI document, the JSON Schemas that {@code ce_dataschema} names, and the hash test vectors. What is served
 * is exactly what the ledger validates its events against before publishing them.
 */
@Path("/contract")
public class ContractResource {

    static final String SCHEMA_JSON = "application/schema+json";
    static final String YAML = "application/yaml";
    static final String JSON_SCHEMA_EXAMPLE = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$id": "https://restrictionledger.org/schemas/restriction.imposed.v1.json", "type": "object"}""";

    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z]+(?:\\.[a-z]+)?\\.v1\\.json");
    private static final Pattern VECTOR_FILE = Pattern.compile("[0-9]{2}-[a-z-]+\\.json");
    private static final List<String> DOCUMENTS = List.of(EventSchemas.COMMAND, EventSchemas.OUTCOME,
            EventSchemas.STATUS, EventSchemas.CHECKPOINT);

    private final ContractConfig config;

    ContractResource(ContractConfig config) {
        this.config = config;
    }

    /** What is here, as absolute URLs under the configured base. */
    public record Index(String asyncapi, Map<String, String> eventSchemas, Map<String, String> schemas,
                        String hashingVectors) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The contract's documents: the AsyncAPI document, every JSON Schema, the hash test vectors")
    public Index index() {
        Map<String, String> events = new LinkedHashMap<>();
        EventSchemas.TYPES.forEach(t -> events.put(t, CloudEvents.dataSchemaOf(config.baseUrl(), t)));
        Map<String, String> others = new LinkedHashMap<>();
        DOCUMENTS.forEach(d -> others.put(d, config.baseUrl() + "/schemas/" + EventSchemas.fileOf(d)));
        return new Index(config.baseUrl() + "/asyncapi.yaml", events, others,
                config.baseUrl() + "/hashing/vectors.json");
    }

    @GET
    @Path("asyncapi.yaml")
    @Produces(YAML)
    @Operation(summary = "The AsyncAPI 3.0 document of every topic; its schema references are relative to it")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document (YAML)", content = @Content(
            mediaType = YAML, schema = @Schema(type = SchemaType.STRING),
            example = "asyncapi: 3.0.0\ninfo:\n  title: Restriction Ledger\n"))
    public Response asyncApi() {
        return file("asyncapi.yaml", YAML);
    }

    @GET
    @Path("schemas/{file}")
    @Produces({SCHEMA_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "One JSON Schema (draft 2020-12), e.g. restriction.imposed.v1.json: what ce_dataschema names")
    @APIResponse(responseCode = "200", description = "The JSON Schema, byte for byte", content = {
            @Content(mediaType = SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    example = JSON_SCHEMA_EXAMPLE),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "No schema of that name; the problem lists the schemas")
    public Response schema(@PathParam("file") String file) {
        if (!SCHEMA_FILE.matcher(file).matches()) {
            throw ProblemException.notFound("no schema '" + file + "': the schemas are " + schemaFiles());
        }
        return file("schemas/" + file, SCHEMA_JSON);
    }

    @GET
    @Path("hashing/vectors.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The test vectors of the event hash (docs/hashing.md)")
    @APIResponse(responseCode = "200", description = "Each vector: its input document and the expected hash",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response vectors() {
        return file("hashing/vectors.json", MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("hashing/vectors/{file}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The input of one hash test vector, byte for byte")
    @APIResponse(responseCode = "200", description = "An event document as hashed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No test vector of that name")
    public Response vector(@PathParam("file") String file) {
        if (!VECTOR_FILE.matcher(file).matches()) {
            throw ProblemException.notFound("no test vector '" + file + "': see hashing/vectors.json");
        }
        return file("hashing/vectors/" + file, MediaType.APPLICATION_JSON);
    }

    private static List<String> schemaFiles() {
        List<String> files = new ArrayList<>();
        EventSchemas.TYPES.forEach(t -> files.add(EventSchemas.fileOf(t)));
        DOCUMENTS.forEach(d -> files.add(EventSchemas.fileOf(d)));
        return files;
    }

    private static Response file(String path, String mediaType) {
        try (InputStream in = ContractResource.class.getClassLoader()
                .getResourceAsStream(EventSchemas.CONTRACT_ROOT + path)) {
            if (in == null) {
                throw ProblemException.notFound("no contract document '" + path + "'");
            }
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300);
            return Response.ok(in.readAllBytes(), mediaType).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
