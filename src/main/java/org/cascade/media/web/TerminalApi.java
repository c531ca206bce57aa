package org.cascade.media.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cascade.media.application.MediaCredential;
import org.cascade.media.application.MediaInsertion;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaFile;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;

/** The terminal's API: insert a media (sign in), redeem a hand-over code, the current RAM version, the records. */
@Path("")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerminalApi {

    public record Insert(@NotBlank @Size(max = MediaFile.MAX_LENGTH) String media, @NotNull @Size(max = 200) String password) {
    }

    public record Redemption(@NotBlank @Size(max = 64) String code) {
    }

    @Inject
    SecurityContext security;

    @Inject
    StorageMedias media;

    @Inject
    Messages messages;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /**
     * Signs in with an inserted media. A refusal says which check failed (forged, altered,
     * revoked, older copy, wrong password); an older copy is also recorded for the operator.
     */
    @POST
    @Path("terminal/session")
    public Response insert(Insert body) {
        input.valid(body);
        MediaCredential credential = new MediaCredential(body.media(), body.password().toCharArray(), request.getRemoteAddr());
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().newAuthentication(true).credential(credential));
        MediaInsertion.Insertion outcome = credential.outcome();
        if (status != AuthenticationStatus.SUCCESS || outcome == null || !outcome.admitted()) {
            MediaRefusal refusal = outcome == null ? MediaRefusal.MALFORMED : outcome.refusal();
            String message = messages.text(Languages.of(request), refusal.messageKey(), outcome == null ? 0 : outcome.presentedVersion(),
                    outcome == null ? 0 : outcome.latestVersion());
            Response.Status code = refusal == MediaRefusal.WRONG_PASSWORD ? Response.Status.UNAUTHORIZED : Response.Status.FORBIDDEN;
            return Response.status(code).entity(Map.of("message", message, "reason", refusal.name())).build();
        }
        request.changeSessionId();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serial", outcome.serial());
        out.put("ram", outcome.currentRam());
        return Response.ok(out).build();
    }

    /** Fetches the media file a store handed over as a code; the code then no longer works. */
    @POST
    @Path("media/redemptions")
    public Map<String, Object> redeem(Redemption body) {
        input.valid(body);
        MediaFile file = media.redeem(body.code());
        return Map.of("serial", file.serial(), "media", file.toJson());
    }

    /**
     * Hands the terminal the media's current RAM part, which it stores in place of its copy; from
     * now on an older copy is a rollback. A POST, since it moves that baseline.
     */
    @POST
    @Path("terminal/media")
    public Response current() {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        String ram = media.currentRam(serial);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serial", serial);
        out.put("version", media.find(serial).version());
        out.put("balance", media.balance(serial));
        out.put("ram", ram);
        return Response.ok(out).build();
    }

    @GET
    @Path("terminal/records")
    public Response records(@QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("20") int size) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        var accounting = media.accountingRecords(serial, page, size);
        var history = media.history(serial, page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balance", media.balance(serial));
        out.put("accounting", accounting.items().stream().map(r -> Map.of("eventId", r.eventId(), "at", r.occurredAt().toString(),
                "amount", r.amount(), "balance", r.balance(), "partner", String.valueOf(r.partner()), "reason", r.reason().name())).toList());
        out.put("history", history.items().stream().map(h -> Map.of("eventId", h.eventId(), "at", h.occurredAt().toString(),
                "event", h.event().name(), "partner", String.valueOf(h.partner()), "item", h.contentId(),
                "linkId", h.linkId() == null ? "-" : h.linkId())).toList());
        out.put("accountingTotal", accounting.total());
        out.put("historyTotal", history.total());
        return Response.ok(out).build();
    }
}
