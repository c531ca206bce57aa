package org.cascade.store.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.domain.CounterReceipt;

/** The clerk's counter: sell a media, replenish one, void a mistaken replenishment, re-issue a revoked one. */
@ApplicationScoped
@Route(value = {"/store", "/store/sell", "/store/replenish", "/store/void", "/store/reissue"}, roles = Role.CLERK)
public class CounterController implements PageController {

    /** Session attribute prefix under which a new media's code waits to be shown on its receipt. */
    static final String CODE = "cascade.code.";

    @Inject
    StoreCounter counter;

    @Override
    public View get(PageRequest request) {
        String clerk = request.username().orElseThrow();
        List<CounterReceipt> recent = counter.recentReceipts(clerk);
        Map<Long, Boolean> voided = recent.stream().collect(Collectors.toMap(CounterReceipt::id, counter::isVoided));
        request.put("store", counter.storeOf(clerk))
                .put("recent", recent)
                .put("voided", voided)
                .put("requestKey", request.param("requestKey").orElse(UUID.randomUUID().toString()))
                .put("maxAmount", StoreCounter.MAX_AMOUNT);
        return View.template("store/counter");
    }

    @Override
    public View post(PageRequest request) {
        String clerk = request.username().orElseThrow();
        StoreCounter.Done done;
        switch (request.path()) {
            case "/store/sell" -> {
                long amount = request.requiredLong("amount", 1, StoreCounter.MAX_AMOUNT);
                done = counter.sell(clerk, amount, buyerPassword(request), request.required("requestKey"));
            }
            case "/store/replenish" -> {
                long amount = request.requiredLong("amount", 1, StoreCounter.MAX_AMOUNT);
                done = counter.replenish(clerk, request.required("serial"), amount, request.required("requestKey"));
            }
            case "/store/reissue" -> done = counter.reissue(clerk, request.required("serial"), buyerPassword(request),
                    request.required("requestKey"));
            case "/store/void" -> {
                done = counter.voidReplenishment(clerk, request.requiredLong("receipt", 1, Long.MAX_VALUE));
                request.flash("store.void.done", done.receipt().serial(), done.receipt().amount());
                return View.redirect("/store");
            }
            default -> {
                return View.status(404);
            }
        }
        if (done.handover() != null) {
            request.servletRequest().getSession().setAttribute(CODE + done.receipt().id(), done.handover().code());
        }
        return View.redirect("/store/receipt?id=" + done.receipt().id());
    }

    private static char[] buyerPassword(PageRequest request) {
        String password = request.servletRequest().getParameter("password");
        String repeated = request.servletRequest().getParameter("passwordRepeated");
        if (password == null || password.isEmpty()) {
            throw new RuleViolation("form.required", request.text("field.password"));
        }
        if (!password.equals(repeated)) {
            throw new RuleViolation("store.password.mismatch");
        }
        return password.toCharArray();
    }
}
