package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.cascade.live.application.LiveEvents;
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
@Route(value = {"/holder/live", "/holder/live/new", "/holder/live/event"}, roles = Role.HOLDER)
public class HolderLiveController implements PageController {

    /** Bounds of what the form parses; within them, the domain's rules say what is refused and why. */
    static final long MAX_COUNT = 1_000_000_000L;
    static final int MAX_SEATS = 1_000_000;
    static final int MAX_SMALL = 100_000;

    @Inject
    LiveEvents live;

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
            default -> {
                LiveEvent event = live.forHolder(request.required("id"), holder);
                request.put("event", event).put("config", event.configuration()).put("pricing", event.pricing())
                        .put("highFrom", RankBreakdown.HIGH_FROM).put("middleFrom", RankBreakdown.MIDDLE_FROM);
                return View.template("holder/live-event");
            }
        }
    }

    @Override
    public View post(PageRequest request) {
        if (!request.path().equals("/holder/live/new")) {
            return View.status(405);
        }
        String holder = request.username().orElseThrow();
        LiveEvent event = live.register(holder, new LiveEvents.Registration(
                request.required("artist"), request.required("title"), startsAt(request),
                request.required("venueName"), (int) request.requiredLong("seatingCapacity", 0, MAX_SEATS),
                (int) request.requiredLong("cameras", 0, MAX_SMALL), request.param("acoustics").orElse(null),
                request.required("provider"), request.requiredLong("serverStreams", 0, MAX_COUNT),
                request.requiredLong("linkMbps", 0, MAX_COUNT), request.requiredLong("streamKbps", 0, MAX_COUNT),
                (int) request.requiredLong("orders", 0, MAX_SMALL), request.requiredLong("basePrice", 0, MAX_COUNT),
                (int) request.requiredLong("redistributors", 0, MAX_SMALL),
                Duration.ofMinutes(request.requiredLong("intervalMinutes", 0, MAX_SMALL)),
                request.required("sponsorName"), request.param("sponsorContact").orElse(null),
                request.requiredLong("pastSpectators", 0, MAX_COUNT), request.requiredLong("downloads", 0, MAX_COUNT),
                request.requiredLong("searchHits", 0, MAX_COUNT)));
        request.flash("live.event.registered", event.title());
        return View.redirect("/holder/live/event?id=" + event.id());
    }

    /** The form's date and time (an HTML datetime-local) is the center's local time, as every page shows it. */
    private Instant startsAt(PageRequest request) {
        String typed = request.required("startsAt");
        try {
            return LocalDateTime.parse(typed).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("form.dateTime", request.text("field.startsAt"));
        }
    }
}
