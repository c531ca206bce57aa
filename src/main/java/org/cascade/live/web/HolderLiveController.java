package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.live.application.LiveApplications;
import org.cascade.live.application.LiveEvents;
import org.cascade.live.application.LiveRedistribution;
import org.cascade.live.application.LiveRefusals;
import org.cascade.live.domain.ReceptionSettings;
import org.cascade.live.domain.EventConfiguration;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveTerms;
import org.cascade.live.domain.RankBreakdown;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The holder's live events: the list, the registration form (FIG. 17A–D and the demand figures)
 * and an event's page with its pricing. A refused registration shows the form again with what was
 * typed and why.
 */
@ApplicationScoped
@Route(value = {"/holder/live", "/holder/live/new", "/holder/live/event", "/holder/live/open", "/holder/live/edit",
        "/holder/live/demand", "/holder/live/describe", "/holder/live/air", "/holder/live/end"}, roles = Role.HOLDER)
public class HolderLiveController implements PageController {

    /** Bounds of what the form parses; within them, the domain's rules say what is refused and why. */
    static final long MAX_COUNT = 1_000_000_000L;
    static final int MAX_SEATS = 1_000_000;
    static final int MAX_SMALL = 100_000;
    static final int MAX_SECONDS = 10_000_000;

    @Inject
    LiveEvents live;

    @Inject
    LiveRedistribution redistribution;

    @Inject
    LiveApplications applications;

    @Inject
    Catalog catalog;

    @Inject
    LiveRefusals refusals;

    @Inject
    Clock clock;

    @Override
    public View get(PageRequest request) {
        String holder = request.username().orElseThrow();
        switch (request.path()) {
            case "/holder/live" -> {
                request.put("events", live.of(holder));
                return View.template("holder/live-events");
            }
            case "/holder/live/new" -> {
                request.put("maxOrders", EventConfiguration.DistributionInformation.MAX_ORDERS)
                        .put("maxRedistributors", LiveTerms.MAX_REDISTRIBUTORS);
                return View.template("holder/live-register");
            }
            case "/holder/live/air" -> {
                LiveEvent event = live.forHolder(request.required("id"), holder);
                if (!event.receptionOpen()) {
                    throw new RuleViolation("live.reception.notOpen");
                }
                request.put("event", event).put("patterns", event.patterns().patterns()).put("refusals", refusals.of(event.id()));
                return View.template("holder/live-air");
            }
            default -> {
                LiveEvent event = live.forHolder(request.required("id"), holder);
                request.put("event", event).put("config", event.configuration()).put("pricing", event.pricing())
                        .put("highFrom", RankBreakdown.HIGH_FROM).put("middleFrom", RankBreakdown.MIDDLE_FROM)
                        .put("standing", applications.standing(holder, event.id()))
                        .put("contents", catalog.byHolder(holder).stream().filter(Content::listed).toList())
                        .put("defaultClosing", LocalDateTime.ofInstant(event.startsAt().minus(Duration.ofDays(1)), clock.getZone())
                                .withSecond(0).withNano(0))
                        .put("startsLocal", LocalDateTime.ofInstant(event.startsAt(), clock.getZone()))
                        .put("closingLocal", event.lotteryClosesAt() == null ? null
                                : LocalDateTime.ofInstant(event.lotteryClosesAt(), clock.getZone()));
                return View.template("holder/live-event");
            }
        }
    }

    @Override
    public View post(PageRequest request) {
        String holder = request.username().orElseThrow();
        switch (request.path()) {
            case "/holder/live/new" -> {
                return register(request, holder);
            }
            case "/holder/live/open" -> {
                String id = request.required("id");
                boolean auction = "DOWN_AUCTION".equals(request.required("mode"));
                String patterns = request.param("patterns").orElse("");
                applications.open(holder, id, new LiveApplications.Opening(
                        auction ? ReceptionSettings.SaleMode.DOWN_AUCTION : ReceptionSettings.SaleMode.FIXED_PRICES,
                        auction ? null : dateTime(request, "lotteryClosesAt", "field.lotteryClosesAt"),
                        auction ? Duration.ofMinutes(request.requiredLong("stepMinutes", 1, MAX_SMALL)) : null,
                        Arrays.stream(patterns.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList(),
                        (int) request.requiredLong("foldBelowPercent", 0, 100),
                        (int) request.requiredLong("primarySetCount", 1, MAX_COUNT),
                        request.requiredLong("refundPerSegment", 0, MAX_COUNT)));
                request.flash("live.reception.openedNow");
                return View.redirect("/holder/live/event?id=" + id);
            }
            case "/holder/live/edit" -> {
                String id = request.required("id");
                applications.edit(holder, id, request.requiredLong("basePrice", 1, MAX_COUNT),
                        dateTime(request, "startsAt", "field.startsAt"),
                        request.param("lotteryClosesAt").isPresent() ? dateTime(request, "lotteryClosesAt", "field.lotteryClosesAt") : null);
                request.flash("live.event.edited");
                return View.redirect("/holder/live/event?id=" + id);
            }
            case "/holder/live/describe" -> {
                String id = request.required("id");
                live.describe(holder, id, request.param("comment").orElse(""), request.param("previewContent").orElse(""));
                request.flash("live.described");
                return View.redirect("/holder/live/event?id=" + id);
            }
            case "/holder/live/demand" -> {
                String id = request.required("id");
                live.updateDemand(holder, id, figure(request, "pastSpectators"), figure(request, "downloads"),
                        request.requiredLong("searchHits", 0, MAX_COUNT));
                request.flash("live.demand.updated");
                return View.redirect("/holder/live/event?id=" + id);
            }
            case "/holder/live/end" -> {
                String id = request.required("id");
                LiveRedistribution.Ended ended = redistribution.end(holder, id);
                request.flash("live.air.ended", ended.segmentsInEvent(), ended.credited().size(), ended.total());
                return View.redirect("/holder/live/air?id=" + id);
            }
            default -> {
                return View.status(405);
            }
        }
    }

    private View register(PageRequest request, String holder) {
        LiveEvent event = live.register(holder, new LiveEvents.Registration(
                request.required("artist"), request.required("title"), startsAt(request),
                request.required("venueName"), (int) request.requiredLong("seatingCapacity", 0, MAX_SEATS),
                (int) request.requiredLong("cameras", 0, MAX_SMALL), request.param("acoustics").orElse(null),
                request.required("provider"), request.requiredLong("serverStreams", 0, MAX_COUNT),
                request.requiredLong("linkMbps", 0, MAX_COUNT), request.requiredLong("streamKbps", 0, MAX_COUNT),
                (int) request.requiredLong("orders", 0, MAX_SMALL), request.requiredLong("basePrice", 0, MAX_COUNT),
                (int) request.requiredLong("redistributors", 0, MAX_SMALL),
                Duration.ofSeconds(request.requiredLong("intervalSeconds", 0, MAX_SECONDS)),
                request.required("sponsorName"), request.param("sponsorContact").orElse(null),
                figure(request, "pastSpectators"), figure(request, "downloads"), request.requiredLong("searchHits", 0, MAX_COUNT)));
        request.flash("live.event.registered", event.title());
        return View.redirect("/holder/live/event?id=" + event.id());
    }

    /** A demand figure as typed, or null when the sponsor leaves it to Cascade's records ({@code <name>FromRecords}). */
    private static Long figure(PageRequest request, String name) {
        return request.param(name + "FromRecords").isPresent() ? null : request.requiredLong(name, 0, MAX_COUNT);
    }

    private Instant startsAt(PageRequest request) {
        return dateTime(request, "startsAt", "field.startsAt");
    }

    /** A form's date and time (an HTML datetime-local) is the center's local time, as every page shows it. */
    private Instant dateTime(PageRequest request, String name, String fieldKey) {
        String typed = request.required(name);
        try {
            return LocalDateTime.parse(typed).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("form.dateTime", request.text(fieldKey));
        }
    }
}
