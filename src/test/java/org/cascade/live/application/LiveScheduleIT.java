package org.cascade.live.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.live.domain.Checkpoint;
import org.cascade.live.domain.Figure;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LivePriceRevision;
import org.cascade.live.domain.PriceRevision;
import org.cascade.live.domain.ReceptionSettings;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.application.Stores;
import org.cascade.testing.Deployments;
import org.cascade.testing.SetClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live schedule and FIG. 23's charging on a real Liberty and Derby, under a clock the test
 * sets ahead: the checkpoints fire by themselves when their day comes (the schedule looks every
 * second here), revise the price on the figures of the day and never fire twice; primary
 * applicants are charged when their number reaches the set count, later ones when a charged relay
 * is theirs; running the schedule again moves no money.
 */
@ExtendWith(ArquillianExtension.class)
class LiveScheduleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withSetClock().addClass(LiveScheduleIT.class);
    }

    @Inject
    LiveEvents events;

    @Inject
    LiveApplications live;

    @Inject
    Stores stores;

    @Inject
    StoreCounter counter;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    String clerk;
    String holder;

    @BeforeEach
    void openStore() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long store = stores.open("Live " + suffix, null).id();
        clerk = "l-" + suffix;
        stores.hireClerk(store, clerk, "Clerk " + suffix);
        holder = "lh-" + suffix;
    }

    private String sell(long amount) {
        return counter.sell(clerk, amount, "live-password".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
    }

    /** A balanced event (demand and ability both middle): 200 yen, 3 redistributors, every order first come. */
    private LiveEvent register(Instant startsAt, long serverStreams) {
        return events.register(holder, new LiveEvents.Registration("The Cascades", "Autumn tour", startsAt, "Budokan", 14_000, 3,
                "PA", "Cascade center", serverStreams, 50, 3_000, 3, 200, 3, Duration.ofMinutes(10), "Cascade Promotions",
                "live@example.org", 2_000L, 2_000L, 20_000));
    }

    private static void within(Duration limit, BooleanSupplier done, String what) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private long holderPayable() {
        return ledger.account(ledger.open(AccountType.HOLDER_PAYABLE, "holder:" + holder).id()).balance();
    }

    @Test
    void checkpointsFireByThemselvesOnTheirDayAndNeverTwice() throws Exception {
        LiveEvent event = register(SetClock.now().plus(Duration.ofDays(100)), 16);
        long opening = event.pricing().terms().price();
        live.open(holder, event.id(), new LiveApplications.Opening(ReceptionSettings.SaleMode.FIXED_PRICES,
                SetClock.now().plus(Duration.ofDays(99)), null, List.of(), 10, 1, 0));
        assertTrue(live.standing(holder, event.id()).revisions().isEmpty());

        // demand soars; at 90 days before the event (10 days from now) the center raises the price
        events.updateDemand(holder, event.id(), 50_000L, 50_000L, 1_000_000);
        SetClock.ahead(Duration.ofDays(10).plusMinutes(1));
        within(Duration.ofSeconds(20), () -> !live.standing(holder, event.id()).revisions().isEmpty(), "the 90-day checkpoint");
        List<LivePriceRevision> revisions = live.standing(holder, event.id()).revisions();
        assertEquals(1, revisions.size());
        LivePriceRevision at90 = revisions.get(0);
        assertEquals(Checkpoint.DAYS_90, at90.checkpoint());
        assertEquals(PriceRevision.Direction.RAISED, at90.direction());
        assertEquals(opening, at90.before().price());
        assertTrue(at90.after().price() > opening);
        assertEquals(at90.after().price(), events.forHolder(event.id(), holder).termsInForce().price());

        // running the schedule again, as after a restart, applies nothing twice
        live.advance(event.id());
        live.advance(event.id());
        assertEquals(1, live.standing(holder, event.id()).revisions().size());

        // demand falls back; a center that was down over the 30-day checkpoint applies it at the next tick
        events.updateDemand(holder, event.id(), 10L, 10L, 10);
        SetClock.ahead(Duration.ofDays(61));
        within(Duration.ofSeconds(20), () -> live.standing(holder, event.id()).revisions().size() == 2, "the 30-day checkpoint");
        LivePriceRevision at30 = live.standing(holder, event.id()).revisions().get(1);
        assertEquals(Checkpoint.DAYS_30, at30.checkpoint());
        assertEquals(PriceRevision.Direction.LOWERED, at30.direction());
        assertTrue(at30.after().price() < at90.after().price());
    }

    @Test
    void primariesArePaidForAtTheSetCountAndLaterOrdersWhenTheirRelayIsSet() throws Exception {
        // 16 streams on a 50 Mbit/s link at 3 Mbit/s: 16 primary places; every order first come
        LiveEvent event = register(SetClock.now().plus(Duration.ofDays(20)), 16);
        live.open(holder, event.id(), new LiveApplications.Opening(ReceptionSettings.SaleMode.FIXED_PRICES,
                SetClock.now().plus(Duration.ofDays(19)), null, List.of("vocal"), 10, 2, 1));
        String first = sell(1_000);
        String second = sell(1_000);
        String later = sell(1_000);
        String poor = sell(150);
        long payableBefore = holderPayable();

        LiveApplication p1 = live.apply(first, event.id(), new LiveApplications.Form(1, "Aiko", "aiko@example.org", "", true, false));
        assertEquals(200, p1.amount());
        assertEquals(1_000, media.balance(first), "one primary applicant of the two the sponsor set: nobody is charged yet");
        LiveApplication s1 = live.apply(later, event.id(), new LiveApplications.Form(2, "Chie", "chie@example.org", "", true, true));
        assertEquals(160, s1.amount());
        assertEquals(1_000, media.balance(later), "no charged primary relays to the secondary yet");

        // the second primary reaches the set count: both primaries are charged, and the secondary is given
        // the first of them (the least loaded, earliest) as its relay and is charged too
        live.apply(second, event.id(), new LiveApplications.Form(1, "Ben", "ben@example.org", "", true, false));
        assertEquals(800, media.balance(first));
        assertEquals(800, media.balance(second));
        assertEquals(840, media.balance(later));
        List<LiveApplication> kept = live.standing(holder, event.id()).applications();
        LiveApplication secondary = kept.stream().filter(a -> a.order() == 2).findFirst().orElseThrow();
        assertEquals(p1.id(), secondary.destination());
        assertTrue(kept.stream().allMatch(LiveApplication::isCharged));
        long fees = 20 + 20 + 16;
        assertEquals(payableBefore + 200 + 200 + 160 - fees, holderPayable());

        // the schedule running again, twice, charges nobody twice
        live.advance(event.id());
        live.advance(event.id());
        assertEquals(800, media.balance(first));
        assertEquals(840, media.balance(later));
        assertEquals(payableBefore + 560 - fees, holderPayable());

        // refused, with nothing kept: twice for one order, a balance that cannot pay, a pattern not offered
        assertEquals("live.application.twice", assertThrows(RuleViolation.class, () -> live.apply(first, event.id(),
                new LiveApplications.Form(1, "Aiko", "aiko@example.org", "", true, false))).messageKey());
        assertEquals("live.application.balance", assertThrows(RuleViolation.class, () -> live.apply(poor, event.id(),
                new LiveApplications.Form(1, "Dai", "dai@example.org", "", false, false))).messageKey());
        assertEquals("live.application.pattern", assertThrows(RuleViolation.class, () -> live.apply(poor, event.id(),
                new LiveApplications.Form(3, "Dai", "dai@example.org", "bass", false, false))).messageKey());
        assertEquals("live.application.email", assertThrows(RuleViolation.class, () -> live.apply(poor, event.id(),
                new LiveApplications.Form(3, "Dai", "not-an-address", "", false, false))).messageKey());
        assertEquals(3, live.standing(holder, event.id()).applications().size());
        assertEquals(150, media.balance(poor));

        // the price cannot move under charged applicants; the event is charged as it was
        assertEquals("live.price.charged", assertThrows(RuleViolation.class,
                () -> live.edit(holder, event.id(), 300, event.startsAt(), null)).messageKey());
        assertEquals(200, events.forHolder(event.id(), holder).termsInForce().price());
        assertTrue(ledger.invariants().hold());
        assertNull(kept.stream().filter(a -> a.order() == 1).findFirst().orElseThrow().destination());

        // once the event has been held, the sponsor's next event can take its demand from Cascade's records:
        // three spectators charged at their one past event, and no storage media paid for their contents yet
        SetClock.ahead(Duration.ofDays(21));
        LiveEvent next = events.register(holder, new LiveEvents.Registration("The Cascades", "Winter tour",
                SetClock.now().plus(Duration.ofDays(60)), "Budokan", 14_000, 3, "PA", "Cascade center", 16, 50, 3_000, 3, 200, 3,
                Duration.ofMinutes(10), "Cascade Promotions", null, null, null, 20_000));
        assertEquals(Figure.fromRecords(3), next.demand().pastSpectators());
        assertEquals(Figure.fromRecords(0), next.demand().downloads());
        assertEquals(Figure.bySponsor(20_000), next.demand().searchHits());
    }

    @Test
    void aRevokedMediaCannotApplyAndIsNotChargedForWhatItAppliedForBefore() throws Exception {
        LiveEvent event = register(SetClock.now().plus(Duration.ofDays(20)), 16);
        live.open(holder, event.id(), new LiveApplications.Opening(ReceptionSettings.SaleMode.FIXED_PRICES,
                SetClock.now().plus(Duration.ofDays(19)), null, List.of("vocal"), 10, 2, 1));
        String stolen = sell(1_000);
        String thief = sell(1_000);
        String honest = sell(1_000);
        long payableBefore = holderPayable();
        // One primary of the two the sponsor set: nobody is charged yet.
        live.apply(stolen, event.id(), new LiveApplications.Form(1, "Aiko", "aiko@example.org", "", true, false));
        media.revoke(stolen, "stolen");
        media.revoke(thief, "lost");
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, () -> live.apply(thief, event.id(),
                new LiveApplications.Form(1, "Ben", "ben@example.org", "", true, false))).messageKey());

        // The second primary reaches the set count: the honest one is charged, the revoked one is not.
        live.apply(honest, event.id(), new LiveApplications.Form(1, "Chie", "chie@example.org", "", true, false));
        live.advance(event.id());
        assertEquals(800, media.balance(honest));
        assertEquals(1_000, media.balance(stolen), "its owner's balance waits for the re-issue");
        assertEquals(1_000, media.balance(thief));
        assertEquals(payableBefore + 200 - 20, holderPayable());
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }
}
