package org.cascade.store.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.store.application.StoreCounter;

/** A store's daily report: for its own clerks (any other clerk is refused) and for the operator. */
@ApplicationScoped
@Route(value = "/store/report", roles = {Role.CLERK, Role.OPERATOR})
public class DailyReportController implements PageController {

    @Inject
    StoreCounter counter;

    @Override
    public View get(PageRequest request) {
        String viewer = request.username().orElseThrow();
        long storeId = request.param("store").isPresent()
                ? request.requiredLong("store", 1, Long.MAX_VALUE)
                : request.inRole(Role.CLERK) ? counter.storeOf(viewer).id() : 0;
        if (storeId == 0) {
            return View.redirect("/operator");
        }
        LocalDate day;
        try {
            day = request.param("date").map(LocalDate::parse).orElse(counter.today());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("form.date", request.text("field.date"));
        }
        request.put("report", counter.dailyReport(viewer, storeId, day))
                .put("previous", day.minusDays(1)).put("next", day.plusDays(1));
        return View.template("store/report");
    }
}
