package org.cascade.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.catalog.application.Advertising;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.store.application.Stores;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.application.OriginAbility;
import org.cascade.swarm.domain.LinkPath;
import java.util.Map;

/**
 * The operator's center page: stores and their reports, terminals online, distribution (bytes by
 * path, transfers under way, history mismatches, distributors cut off), staff accounts, and
 * opening new ones.
 */
@ApplicationScoped
@Route(value = {"/operator", "/operator/stores", "/operator/clerks", "/operator/holders", "/operator/funds", "/operator/origin"},
        roles = Role.OPERATOR)
public class OperatorHomeController implements PageController {

    @Inject
    Stores stores;

    @Inject
    StaffAccounts staff;

    @Inject
    Advertising advertising;

    @Inject
    OnlineTerminals terminals;

    @Inject
    Distribution distribution;

    @Inject
    OriginAbility origin;

    /** Of every byte delivered, the share terminals sent (directly or through the relay), in whole percent. */
    static long p2pSharePercent(Map<LinkPath, Long> bytes) {
        long all = bytes.values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? 0 : 100 * (bytes.get(LinkPath.P2P) + bytes.get(LinkPath.RELAY)) / all;
    }

    @Override
    public View get(PageRequest request) {
        Map<LinkPath, Long> bytes = distribution.bytesByPath();
        request.put("stores", stores.all()).put("accounts", staff.all()).put("terminals", terminals.all())
                .put("bytesByPath", bytes).put("p2pShare", p2pSharePercent(bytes)).put("caps", origin.caps())
                .put("originUpload", origin.uploadBytesPerSecond()).put("transfers", distribution.openLinks())
                .put("mismatches", distribution.mismatchedLinks()).put("cutOff", distribution.cutOff())
                .put("holders", staff.all().stream().filter(a -> a.role() == Role.HOLDER).toList())
                .put("requestKey", request.param("requestKey").orElse(java.util.UUID.randomUUID().toString()));
        return View.template("operator/home");
    }

    @Override
    public View post(PageRequest request) {
        switch (request.path()) {
            case "/operator/stores" -> {
                var store = stores.open(request.required("name"), request.param("address").orElse(null));
                request.flash("operator.store.opened", store.name());
            }
            case "/operator/clerks" -> {
                var opened = stores.hireClerk(request.requiredLong("store", 1, Long.MAX_VALUE),
                        request.required("username"), request.required("displayName"));
                request.flash("operator.account.opened", opened.account().username(), opened.oneTimePassword());
            }
            case "/operator/holders" -> {
                var opened = staff.open(request.required("username"), request.required("displayName"), Role.HOLDER, null);
                request.flash("operator.account.opened", opened.account().username(), opened.oneTimePassword());
            }
            case "/operator/origin" -> {
                // The form is in KiB/s, the caps in bytes per second.
                var caps = origin.change(1024 * request.requiredLong("total", 0, 10_000_000),
                        1024 * request.requiredLong("perContent", 0, 10_000_000));
                request.flash("operator.origin.changed", caps.totalBytesPerSecond() / 1024, caps.perContentBytesPerSecond() / 1024);
            }
            case "/operator/funds" -> {
                String holder = request.required("holder");
                long balance = advertising.topUp(holder, request.requiredLong("amount", 1, Advertising.MAX_TOPUP),
                        request.required("requestKey"));
                request.flash("operator.funds.added", holder, balance);
            }
            default -> {
                return View.status(404);
            }
        }
        return View.redirect("/operator");
    }
}
