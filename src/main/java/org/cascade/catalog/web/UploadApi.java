package org.cascade.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cascade.catalog.application.Uploads;
import org.cascade.catalog.domain.Upload;
import org.cascade.catalog.domain.UploadPurpose;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;

/**
 * A holder's resumable uploads: {@code POST /api/uploads} declares the file, {@code PUT
 * /api/uploads/{id}} sends a chunk of raw bytes starting at the {@code Upload-Offset} header,
 * {@code GET} tells where the upload stands (after a dropped connection), {@code DELETE} gives
 * it up. A chunk streams from the request to disk; it is never held in memory.
 */
@Path("uploads")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
public class UploadApi {

    public static final String OFFSET = "Upload-Offset";

    /**
     * Refusals that tell the client how to go on, rather than that its request was wrong: a chunk
     * that does not continue the upload, or is still being received, or was cut off (409: ask the
     * offset and resume), and chunks too large (413).
     */
    private static final Map<String, Integer> STATUS = Map.of("upload.offset", 409, "upload.busy", 409,
            "upload.interrupted", 409, "upload.tooLong", 413, "upload.chunk", 413);

    public record NewUpload(@NotNull UploadPurpose purpose, @NotNull @Size(min = 1, max = 1000) String fileName, long size) {
    }

    @Inject
    Uploads uploads;

    @Inject
    ApiInput input;

    @Inject
    Messages messages;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response begin(NewUpload body) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        input.valid(body);
        Upload upload = uploads.begin(holder, body.purpose(), body.fileName(), body.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", upload.id());
        out.put("offset", upload.receivedBytes());
        out.put("size", upload.declaredBytes());
        out.put("chunk", Uploads.RECOMMENDED_CHUNK);
        out.put("maxChunk", Uploads.MAX_CHUNK);
        out.put("fileName", upload.fileName());
        out.put("expiresAt", upload.expiresAt().toString());
        return Response.created(URI.create("uploads/" + upload.id())).entity(out).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response append(@PathParam("id") String id, @HeaderParam(OFFSET) @DefaultValue("-1") long offset, InputStream body) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        try {
            Upload upload = uploads.append(holder, id, offset, body, request.getContentLengthLong());
            return Response.ok(Map.of("offset", upload.receivedBytes(), "complete", upload.isComplete())).build();
        } catch (RuleViolation refusal) {
            return refused(refusal);
        }
    }

    @GET
    @Path("{id}")
    public Map<String, Object> status(@PathParam("id") String id) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        Upload upload = uploads.status(holder, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", upload.id());
        out.put("offset", upload.receivedBytes());
        out.put("size", upload.declaredBytes());
        out.put("complete", upload.isComplete());
        out.put("purpose", upload.purpose().name());
        out.put("fileName", upload.fileName());
        out.put("expiresAt", upload.expiresAt().toString());
        return out;
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        try {
            uploads.cancel(holder, id);
        } catch (RuleViolation refusal) {
            return refused(refusal);
        }
        return Response.noContent().build();
    }

    /** A refusal with the status that tells the client what to do; any other goes to ApiErrors as usual. */
    private Response refused(RuleViolation refusal) {
        Integer status = STATUS.get(refusal.messageKey());
        if (status == null || refusal instanceof NotFound) {
            throw refusal;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", messages.text(Languages.of(request), refusal));
        out.put("reason", refusal.messageKey());
        if (refusal.messageKey().equals("upload.offset") || refusal.messageKey().equals("upload.interrupted")) {
            // Both carry the offset the upload continues at.
            out.put("offset", refusal.arguments()[0]);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(out).build();
    }
}
