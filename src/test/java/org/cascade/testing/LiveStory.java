package org.cascade.testing;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cascade.live.application.LiveApplications;
import org.cascade.live.application.LiveEvents;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.ReceptionSettings;
import org.cascade.mail.application.Mails;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.application.Stores;

/**
 * Sets up a live event's story for client tests that watch what leaves the center (its mails)
 * rather than its pages: added to a test's own deployment only. POST {@code action=event} opens
 * a lottery event (one server stream: the primary place and the secondary by lottery, closing in
 * three minutes of the center's clock); {@code action=media} sells a storage media;
 * {@code action=apply} applies with it; {@code action=demand} lets the event's demand fall to almost nothing. GET {@code ?event=} reads the applications and draws,
 * {@code ?mails=ADDRESS} the outbox's mails to an address.
 */
@WebServlet("/testing/live-story")
public class LiveStory extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PASSWORD = "story-password";

    @Inject
    LiveEvents events;

    @Inject
    LiveApplications live;

    @Inject
    Stores stores;

    @Inject
    StoreCounter counter;

    @Inject
    Mails mails;

    private static final java.util.Map<String, String> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile String clerk;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder out = Json.createObjectBuilder();
        switch (request.getParameter("action")) {
            case "event" -> {
                String holder = "story-" + UUID.randomUUID().toString().substring(0, 8);
                LiveEvent event = events.register(holder, new LiveEvents.Registration("The Cascades", request.getParameter("title"),
                        SetClock.now().plus(Duration.ofDays(30)), "Budokan", 14_000, 3, "PA", "Cascade center", 1, 50, 3_000, 4,
                        200, 3, Duration.ofMinutes(10), "Cascade Promotions", "live@example.org", 20_000L, 25_000L, 500_000));
                live.open(holder, event.id(), new LiveApplications.Opening(ReceptionSettings.SaleMode.FIXED_PRICES,
                        SetClock.now().plus(Duration.ofMinutes(3)), null, List.of(), 10, 1, 1));
                HOLDERS.put(event.id(), holder);
                out.add("event", event.id()).add("startsAt", event.startsAt().toString()).add("commitment", events.forHolder(event.id(), holder).seedCommitment());
            }
            case "media" -> {
                var sold = counter.sell(clerk(), Long.parseLong(request.getParameter("balance")), PASSWORD.toCharArray(),
                        UUID.randomUUID().toString());
                out.add("serial", sold.handover().serial()).add("code", sold.handover().code()).add("password", PASSWORD);
            }
            case "apply" -> {
                LiveApplication a = live.apply(request.getParameter("serial"), request.getParameter("event"),
                        new LiveApplications.Form(Integer.parseInt(request.getParameter("order")), request.getParameter("name"),
                                request.getParameter("email"), "", false, false,
                                Locale.forLanguageTag(request.getParameter("language"))));
                out.add("application", a.id()).add("amount", a.amount());
            }
            case "demand" -> {
                String eventId = request.getParameter("event");
                events.updateDemand(HOLDERS.get(eventId), eventId, 10L, 10L, 10);
                out.add("event", eventId);
            }
            default -> {
                response.sendError(400);
                return;
            }
        }
        write(response, out);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder out = Json.createObjectBuilder();
        if (request.getParameter("mails") != null) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            mails.to(request.getParameter("mails")).forEach(m -> list.add(Json.createObjectBuilder()
                    .add("key", m.idempotencyKey()).add("state", m.state().name()).add("attempts", m.attempts())
                    .add("subject", m.subject())));
            out.add("mails", list);
        } else {
            String eventId = request.getParameter("event");
            JsonArrayBuilder applications = Json.createArrayBuilder();
            String serial = request.getParameter("serial");
            for (LiveApplication a : live.standing(holderOf(eventId), eventId).applications()) {
                applications.add(Json.createObjectBuilder().add("id", a.id()).add("applicant", a.applicant()).add("order", a.order())
                        .add("amount", a.amount()).add("charged", a.isCharged()));
            }
            out.add("applications", applications);
            JsonArrayBuilder winners = Json.createArrayBuilder();
            live.standing(holderOf(eventId), eventId).draws().values().forEach(d -> d.winners().forEach(winners::add));
            out.add("winners", winners);
            if (serial != null) {
                JsonArrayBuilder offers = Json.createArrayBuilder();
                live.screen(eventId, serial).offers().values().forEach(l -> l.forEach(o -> offers.add(Json.createObjectBuilder()
                        .add("order", o.order().number()).add("price", o.currentPrice()).add("room", o.room()))));
                out.add("offers", offers);
            }
        }
        write(response, out);
    }

    private static String holderOf(String eventId) {
        return HOLDERS.get(eventId);
    }

    private String clerk() {
        if (clerk == null) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            long store = stores.open("Story " + suffix, null).id();
            stores.hireClerk(store, "s-" + suffix, "Clerk " + suffix);
            clerk = "s-" + suffix;
        }
        return clerk;
    }

    private static void write(HttpServletResponse response, JsonObjectBuilder out) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(out.build().toString());
    }
}
