package org.cascade.live.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.cascade.live.application.LiveApplications;
import org.cascade.live.application.LiveBroadcast;
import org.cascade.live.application.LiveCascade;
import org.cascade.live.application.LiveRefusals;
import org.cascade.live.domain.EditPatterns;
import org.cascade.live.domain.LiveSegment;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LotteryResult;
import org.cascade.live.domain.OrderStanding;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;

/**
 * Live events for programs: the events taking applications and where their orders stand,
 * applying, and a published draw with everything needed to recompute it. The same use cases
 * as the pages, with the same refusals.
 */
@Path("live")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiveApi {

    /** An application as a program sends it (FIG. 18). */
    public record NewApplication(@Min(1) @Max(100) int order, @NotNull @Size(max = LiveApplication.MAX_NAME) String name,
                                 @NotNull @Size(max = LiveApplication.MAX_EMAIL) String email, @Size(max = 64) String editPattern,
                                 boolean redistributionAllowed, boolean automaticReconnection) {
    }

    @Inject
    LiveApplications live;

    @Inject
    LiveBroadcast broadcast;

    @Inject
    LiveRefusals refusals;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @GET
    @Path("events")
    public List<Map<String, Object>> upcoming() {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        return live.upcomingFor(serial).stream().map(u -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", u.event().id());
            e.put("artist", u.event().artist());
            e.put("title", u.event().title());
            e.put("startsAt", u.event().startsAt().toString());
            e.put("cheapest", u.cheapest());
            e.put("familiar", u.familiar());
            return e;
        }).toList();
    }

    @GET
    @Path("events/{id}")
    public Map<String, Object> event(@PathParam("id") String id) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        LiveApplications.Screen s = live.screen(id, serial);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.event().id());
        out.put("artist", s.event().artist());
        out.put("title", s.event().title());
        out.put("saleMode", s.event().saleMode().name());
        out.put("commitment", s.event().seedCommitment());
        out.put("available", s.available());
        out.put("patterns", s.patterns().patterns());
        out.put("orders", s.standings().stream().map(LiveApi::standing).toList());
        out.put("mine", s.mine().stream().map(LiveApi::application).toList());
        return out;
    }

    @POST
    @Path("events/{id}/applications")
    public Map<String, Object> apply(@PathParam("id") String id, NewApplication body) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        input.valid(body);
        return application(live.apply(serial, id, new LiveApplications.Form(body.order(), body.name(), body.email(),
                body.editPattern(), body.redistributionAllowed(), body.automaticReconnection(),
                org.cascade.platform.web.Languages.of(request))));
    }

    /** A published draw; anyone signed in may read and recompute it. */
    @GET
    @Path("events/{id}/draws/{order}")
    public Map<String, Object> draw(@PathParam("id") String id, @PathParam("order") int order) {
        ApiCaller.require(request, Role.TERMINAL, Role.HOLDER, Role.OPERATOR);
        LotteryResult r = live.draw(id, order);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("order", r.order());
        out.put("ability", r.ability());
        out.put("requiredRedistributors", r.requiredRedistributors());
        out.put("artistDistributionsForPriority", LotteryResult.ARTIST_DISTRIBUTIONS_FOR_PRIORITY);
        out.put("commitment", r.commitment());
        out.put("seed", r.seedHex());
        out.put("entries", r.entries().stream().map(e -> Map.of("application", e.applicationId(),
                "artistDistributions", e.artistDistributions(), "redistributionAbility", e.redistributionAbility())).toList());
        out.put("places", r.places().stream().map(p -> Map.of("place", p.place(), "application", p.applicationId(),
                "tier", p.tier(), "ticket", p.ticket(), "won", p.won())).toList());
        return out;
    }

    /**
     * The sponsor's browser publishes one segment of a pattern's stream. A refusal (not the sponsor,
     * out of order, empty or too large, unknown pattern) is kept for the sponsor and the operator.
     */
    @POST
    @Path("events/{id}/segments/{pattern}/{seq}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Map<String, Object> publish(@PathParam("id") String id, @PathParam("pattern") String pattern,
                                       @PathParam("seq") long seq, InputStream body) throws IOException {
        String who = ApiCaller.require(request, Role.HOLDER, Role.TERMINAL, Role.OPERATOR, Role.CLERK);
        byte[] bytes = body.readNBytes(LiveSegment.MAX_BYTES + 1);
        try {
            LiveSegment s = broadcast.publish(who, id, EditPatterns.ENTIRETY.equals(pattern) ? "" : pattern, seq, bytes);
            return Map.of("seq", s.seq(), "sha256", s.sha256(), "size", s.size());
        } catch (RuleViolation refused) {
            refusals.record(id, who, "publish " + pattern + " #" + seq, refused.messageKey());
            throw refused;
        }
    }

    /** Where the user watches: order, stream and delay. */
    @GET
    @Path("events/{id}/watch")
    public Map<String, Object> watch(@PathParam("id") String id) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        LiveApplications.Viewing v = live.viewing(serial, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("order", v.application().order());
        out.put("pattern", v.pattern());
        out.put("delaySeconds", v.delay().toSeconds());
        return out;
    }

    /** The segments the user may have now after {@code after} (-1 for the first), with the hash each must match. */
    @GET
    @Path("events/{id}/segments")
    public List<Map<String, Object>> segments(@PathParam("id") String id, @QueryParam("after") @DefaultValue("-1") long after) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        return broadcast.segmentsFor(serial, id, Math.max(-1, after)).stream().map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("seq", s.seq());
            out.put("size", s.size());
            out.put("sha256", s.sha256());
            out.put("publishedAt", s.publishedAt().toEpochMilli());
            return out;
        }).toList();
    }

    @GET
    @Path("events/{id}/segments/{seq}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public byte[] segment(@PathParam("id") String id, @PathParam("seq") long seq) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        return broadcast.segmentBytes(serial, id, Math.max(0, seq));
    }

    /**
     * The cascade on air, for the sponsor (of their own event) and the operator: each charged
     * place online or not and who feeds it, the center's own upload and the measured delay per order.
     */
    @GET
    @Path("events/{id}/air")
    public Map<String, Object> air(@PathParam("id") String id) {
        String who = ApiCaller.require(request, Role.HOLDER, Role.OPERATOR);
        LiveCascade.Air air = request.isUserInRole(Role.OPERATOR.group()) ? broadcast.air(id) : broadcast.air(who, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("centerUpload", air.centerUpload());
        Map<String, Object> delays = new LinkedHashMap<>();
        air.measuredDelayMs().forEach((order, ms) -> delays.put(String.valueOf(order), ms));
        out.put("delayMsPerOrder", delays);
        out.put("terminals", air.nodes().stream().map(n -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("application", n.application());
            t.put("serial", n.serial());
            t.put("order", n.order());
            t.put("online", n.online());
            t.put("fedBy", n.online() ? (n.fedBy() == null ? "center" : n.fedBy()) : null);
            t.put("centerBytes", n.centerBytes());
            t.put("delayMs", n.measuredDelayMs());
            return t;
        }).toList());
        return out;
    }

    private static Map<String, Object> standing(OrderStanding o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("order", o.order().number());
        out.put("price", o.currentPrice());
        out.put("ability", o.order().ability());
        out.put("delaySeconds", o.order().delay().toSeconds());
        out.put("rule", o.order().rule().name());
        out.put("applications", o.applications());
        out.put("competitionRatio", o.competitionRatio());
        out.put("open", o.open());
        return out;
    }

    private static Map<String, Object> application(LiveApplication a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("order", a.order());
        out.put("amount", a.amount());
        out.put("editPattern", a.editPattern());
        out.put("charged", a.isCharged());
        return out;
    }
}
