package org.cascade.swarm.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.catalog.application.Catalog;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionTerms;

/**
 * The swarm's HTTP side for terminals: pieces the center sends itself (origin), the charge before
 * playing a stored content, and what a media received and earned.
 */
@Path("")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SwarmApi {

    public record PlaybackRequest(@NotBlank @Size(max = 40) String content) {
    }

    @Inject
    Distribution distribution;

    @Inject
    Catalog catalog;

    @Inject
    ApiInput input;

    @Inject
    Messages messages;

    @Context
    HttpServletRequest request;

    /** An origin piece, raw; 429 while more pieces are out than the receiver has receipted. */
    @GET
    @Path("swarm/links/{link}/pieces/{index}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response originPiece(@PathParam("link") String link, @PathParam("index") int index) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        if (link.length() > 36) {
            throw new NotFound("swarm.link.unknown");
        }
        try {
            byte[] piece = distribution.originPiece(serial, link, index);
            return Response.ok(piece, MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Cache-Control", "no-store").build();
        } catch (Distribution.ReceiptsFirst e) {
            return notNow(e, 1);
        } catch (Distribution.OriginBusy e) {
            return notNow(e, (e.retryAfterMillis() + 999) / 1000);
        }
    }

    /** 429: not now. Retry-After in seconds; the body says why, with the wait in milliseconds when the origin is at its cap. */
    private Response notNow(org.cascade.platform.domain.RuleViolation e, long seconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", messages.text(Languages.of(request), e));
        body.put("reason", e.messageKey());
        if (e instanceof Distribution.OriginBusy busy) {
            body.put("retryAfterMillis", busy.retryAfterMillis());
        }
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", String.valueOf(seconds))
                .entity(body).build();
    }

    /** Before a stored content plays: the rest of its unit cost when this media has not paid all of it. */
    @POST
    @Path("terminal/playback")
    public Map<String, Object> playback(PlaybackRequest body) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        input.valid(body);
        Distribution.Playback p = distribution.playback(serial, body.content());
        return Map.of("charged", p.charged(), "balance", p.balance(), "ram", p.ram());
    }

    @GET
    @Path("terminal/earnings")
    public List<Map<String, Object>> earnings() {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        return distribution.earnings(serial).stream().map(e -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("content", e.contentId());
            line.put("name", name(e.contentId()));
            line.put("pieces", e.pieces());
            line.put("bytes", e.bytes());
            line.put("earned", e.earned());
            return line;
        }).toList();
    }

    @GET
    @Path("terminal/receptions")
    public List<Map<String, Object>> receptions() {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        return distribution.receptions(serial).stream().map(r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("content", r.contentId());
            line.put("name", name(r.contentId()));
            line.put("settledBytes", r.settledBytes());
            line.put("paid", paid(r));
            line.put("complete", r.complete());
            return line;
        }).toList();
    }

    private long paid(Reception r) {
        try {
            ReceptionTerms terms = distribution.terms(r.contentId());
            return r.paid(terms);
        } catch (NotFound e) {
            return 0;
        }
    }

    private String name(String contentId) {
        try {
            return catalog.listed(contentId).name();
        } catch (NotFound e) {
            return contentId;
        }
    }
}
