package org.cascade.console.web;

import org.cascade.platform.application.RequestKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.catalog.application.Advertising;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.StorageMedia;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Role;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.application.OriginAbility;
import org.cascade.swarm.domain.LinkPath;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.store.application.Stores;

/** The operator's API: stores, clerks, holders, storage media and rollback attempts. */
@Path("")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorApi {

    public record NewStore(@NotBlank @Size(max = 80) String name, @Size(max = 200) String address) {
    }

    public record NewAccount(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 80) String displayName) {
    }

    public record Funds(@jakarta.validation.constraints.Min(1) long amount,
                        @NotNull @jakarta.validation.constraints.Pattern(regexp = RequestKey.PATTERN) String requestKey) {
    }

    public record Revocation(@NotBlank @Size(max = 200) String reason) {
    }

    public record OriginCaps(@jakarta.validation.constraints.Min(0) long totalBytesPerSecond,
                             @jakarta.validation.constraints.Min(0) long perContentBytesPerSecond) {
    }

    @Inject
    OriginAbility origin;

    @Inject
    Distribution distribution;

    /** The center's distribution ability: its caps, what it sends now, and the share of bytes that terminals delivered. */
    @GET
    @Path("origin")
    public Map<String, Object> origin() {
        ApiCaller.require(request, Role.OPERATOR);
        return originView();
    }

    @POST
    @Path("origin")
    public Map<String, Object> changeOrigin(OriginCaps body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        origin.change(body.totalBytesPerSecond(), body.perContentBytesPerSecond());
        return originView();
    }

    private Map<String, Object> originView() {
        OriginAbility.Caps caps = origin.caps();
        Map<LinkPath, Long> bytes = distribution.bytesByPath();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("totalBytesPerSecond", caps.totalBytesPerSecond());
        out.put("perContentBytesPerSecond", caps.perContentBytesPerSecond());
        out.put("uploadBytesPerSecond", origin.uploadBytesPerSecond());
        Map<String, Object> byPath = new java.util.LinkedHashMap<>();
        bytes.forEach((path, n) -> byPath.put(path.wire(), n));
        out.put("bytesByPath", byPath);
        out.put("p2pSharePercent", OperatorHomeController.p2pSharePercent(bytes));
        return out;
    }

    @Inject
    Stores stores;

    @Inject
    StaffAccounts staff;

    @Inject
    StorageMedias media;

    @Inject
    Advertising advertising;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @GET
    @Path("stores")
    public List<Map<String, Object>> stores() {
        ApiCaller.require(request, Role.OPERATOR);
        return stores.all().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("address", s.address());
            return m;
        }).toList();
    }

    @POST
    @Path("stores")
    public Map<String, Object> openStore(NewStore body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        var store = stores.open(body.name(), body.address());
        return Map.of("id", store.id(), "name", store.name());
    }

    @POST
    @Path("stores/{store}/clerks")
    public Map<String, Object> hireClerk(@PathParam("store") long store, NewAccount body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        var opened = stores.hireClerk(store, body.username(), body.displayName());
        return Map.of("username", opened.account().username(), "oneTimePassword", opened.oneTimePassword());
    }

    @POST
    @Path("holders")
    public Map<String, Object> openHolder(NewAccount body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        var opened = staff.open(body.username(), body.displayName(), Role.HOLDER, null);
        return Map.of("username", opened.account().username(), "oneTimePassword", opened.oneTimePassword());
    }

    /** Records money a holder paid in for advertising. */
    @POST
    @Path("holders/{holder}/funds")
    public Map<String, Object> topUp(@PathParam("holder") String holder, Funds body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        return Map.of("holder", holder, "funds", advertising.topUp(holder, body.amount(), body.requestKey()));
    }

    @GET
    @Path("media")
    public List<Map<String, Object>> searchMedia(@QueryParam("serial") @DefaultValue("CM-") String serial) {
        ApiCaller.require(request, Role.OPERATOR);
        return media.search(serial).stream().map(OperatorApi::media).toList();
    }

    @POST
    @Path("media/{serial}/revocation")
    public Map<String, Object> revoke(@PathParam("serial") String serial, Revocation body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        media.revoke(serial, body.reason());
        return media(media.find(serial));
    }

    @GET
    @Path("media/rollback-attempts")
    public List<Map<String, Object>> rollbackAttempts() {
        ApiCaller.require(request, Role.OPERATOR);
        return media.recentRollbackAttempts().stream().map(r -> Map.<String, Object>of("serial", r.serial(),
                "presentedVersion", r.presentedVersion(), "deliveredVersion", r.deliveredVersion(), "at", r.at().toString(),
                "address", String.valueOf(r.address()))).toList();
    }

    private static Map<String, Object> media(StorageMedia m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serial", m.serial());
        out.put("store", m.storeId());
        out.put("issuedAt", m.issuedAt().toString());
        out.put("version", m.version());
        out.put("status", m.status().name());
        out.put("reissuedAs", m.reissuedAs());
        return out;
    }
}
