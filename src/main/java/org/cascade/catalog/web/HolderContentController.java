package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.cascade.catalog.application.AddedInformation;
import org.cascade.catalog.application.Advertising;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Advertisement;
import org.cascade.catalog.domain.AdvertisementKind;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ContentTerms;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The holder's pages for registering a content (the form uploads the files through the API and
 * registers them) and for managing one: its comments and free preview, and advertising it.
 */
@ApplicationScoped
@Route(value = {"/holder/register", "/holder/content", "/holder/describe", "/holder/advertise"}, roles = Role.HOLDER)
public class HolderContentController implements PageController {

    @Inject
    Catalog catalog;

    @Inject
    AddedInformation added;

    @Inject
    Advertising advertising;

    @Override
    public View get(PageRequest request) {
        if (request.path().equals("/holder/register")) {
            request.put("genres", Genre.values()).put("maxUnitCost", ContentTerms.MAX_UNIT_COST)
                    .put("maxShare", ContentTerms.MAX_SHARE_PERCENT);
            return View.template("holder/register");
        }
        String holder = request.username().orElseThrow();
        Content c = catalog.forHolder(request.required("id"), holder);
        request.put("c", c).put("kinds", AdvertisementKind.values()).put("today", LocalDate.now())
                .put("maxDays", Advertisement.MAX_DAYS).put("funds", advertising.funds(holder))
                .put("requestKey", request.param("requestKey").orElse(UUID.randomUUID().toString()));
        return View.template("holder/content");
    }

    @Override
    public View post(PageRequest request) {
        String holder = request.username().orElseThrow();
        String id = request.required("id");
        switch (request.path()) {
            case "/holder/describe" -> {
                added.describe(holder, id, text(request, "summary"), text(request, "performerComment"),
                        text(request, "creatorComment"), request.requiredLong("previewBytes", 0, Long.MAX_VALUE));
                request.flash("content.described");
            }
            case "/holder/advertise" -> {
                LocalDate start;
                try {
                    start = LocalDate.parse(request.required("start"));
                } catch (DateTimeParseException e) {
                    throw new RuleViolation("form.date", request.text("field.date"));
                }
                Advertisement ad = advertising.buy(holder, id, ContentsListController.parse(AdvertisementKind.class, request.required("kind"), "kind"),
                        start, (int) request.requiredLong("days", 1, Advertisement.MAX_DAYS), request.required("requestKey"));
                request.flash("ad.bought", ad.fee());
            }
            default -> {
                return View.status(404);
            }
        }
        return View.redirect("/holder/content?id=" + id);
    }

    private static String text(PageRequest request, String name) {
        return request.servletRequest().getParameter(name);
    }
}
