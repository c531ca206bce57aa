package org.cascade.settlement.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.settlement.application.Reconciliations;
import org.cascade.settlement.application.Settlements;
import org.cascade.settlement.domain.SettlementRun;

/**
 * The operator's settlement page: the runs and their payments, "settle now", the settlement file
 * to download, the institution's acknowledgement to apply, and a day's reconciliation.
 */
@ApplicationScoped
@Route(value = {"/operator/settlement", "/operator/settlement/run", "/operator/settlement/file",
        "/operator/settlement/acknowledgement", "/operator/reconciliation"}, roles = Role.OPERATOR)
public class SettlementController implements PageController {

    @Inject
    Settlements settlements;

    @Inject
    Reconciliations reconciliations;

    @Override
    public View get(PageRequest request) {
        if (request.path().equals("/operator/settlement/file")) {
            SettlementRun run = settlements.run(request.requiredLong("run", 1, Long.MAX_VALUE));
            return new View.Download(run.fileName(), "text/csv;charset=UTF-8", run.file().getBytes(StandardCharsets.UTF_8));
        }
        if (request.path().equals("/operator/reconciliation")) {
            LocalDate day = day(request);
            request.put("day", day).put("report", reconciliations.reconcile(day));
            return View.template("operator/reconciliation");
        }
        request.put("runs", settlements.recent()).put("lastClosedDay", settlements.lastClosedDay())
                .put("acknowledgement", request.param("acknowledgement").orElse(""));
        return View.template("operator/settlement");
    }

    private LocalDate day(PageRequest request) {
        try {
            return request.param("day").map(LocalDate::parse).orElseGet(settlements::lastClosedDay);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("form.date", request.text("reconciliation.day"));
        }
    }

    @Override
    public View post(PageRequest request) {
        switch (request.path()) {
            case "/operator/settlement/run" -> {
                int made = settlements.settleClosedPeriods().size();
                request.flash(made == 0 ? "settlement.ranNone" : "settlement.ran", made);
            }
            case "/operator/settlement/acknowledgement" -> {
                Settlements.Acknowledged a = settlements.acknowledge(request.required("acknowledgement"));
                request.flash("settlement.acknowledged", a.deposited(), a.rejected(), a.unchanged());
            }
            default -> {
                return View.status(404);
            }
        }
        return View.redirect("/operator/settlement");
    }
}
