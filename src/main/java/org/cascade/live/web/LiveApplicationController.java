package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.cascade.live.application.LiveApplications;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * A user's side of live events: the list of upcoming events (FIG. 26 T3), an event's application
 * screen (FIG. 18, or FIG. 19 for a down auction) and applying. A refused application shows the
 * screen again with why; an accepted one shows a notice of what was applied for.
 */
@ApplicationScoped
@Route(value = {"/live", "/live/event", "/live/apply", "/live/watch"}, roles = Role.TERMINAL)
public class LiveApplicationController implements PageController {

    /** An upcoming event as the list shows it: the cheapest order still open, and whether the balance pays it. */
    public record Listed(LiveEvent event, long cheapest, boolean affordable, boolean familiar) {
    }

    @Inject
    LiveApplications live;

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String serial = request.username().orElseThrow();
        if (request.path().equals("/live")) {
            long balance = media.balance(serial);
            List<Listed> listed = live.upcomingFor(serial).stream()
                    .map(u -> new Listed(u.event(), u.cheapest(), u.cheapest() > 0 && u.cheapest() <= balance, u.familiar()))
                    // those the user can afford first, then those of holders whose contents they received (FIG. 26 T3)
                    .sorted(Comparator.comparing((Listed l) -> !l.affordable()).thenComparing(l -> !l.familiar()))
                    .toList();
            request.put("events", listed).put("balance", balance);
            return View.template("terminal/live-list");
        }
        if (request.path().equals("/live/watch")) {
            request.put("v", live.viewing(serial, request.required("id")));
            return View.template("terminal/live-watch");
        }
        LiveApplications.Screen screen = live.screen(request.required("id"), serial);
        request.put("s", screen).put("event", screen.event()).put("config", screen.event().configuration())
                .put("watchable", screen.mine().stream().anyMatch(LiveApplication::isCharged));
        return View.template("terminal/live-apply");
    }

    @Override
    public View post(PageRequest request) {
        if (!request.path().equals("/live/apply")) {
            return View.status(405);
        }
        String serial = request.username().orElseThrow();
        String id = request.required("id");
        var kept = live.apply(serial, id, new LiveApplications.Form((int) request.requiredLong("order", 1, 100),
                request.param("name").orElse(""), request.param("email").orElse(""), request.param("editPattern").orElse(""),
                request.param("redistributionAllowed").isPresent(), request.param("automaticReconnection").isPresent(),
                request.locale()));
        request.flash("live.applied", kept.order(), kept.amount(), kept.editPattern());
        return View.redirect("/live/event?id=" + id);
    }
}
