package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ApplicationBookTest {

    static final Instant OPEN = Instant.parse("2025-11-01T00:00:00Z");
    static final Instant LOTTERY_CLOSES = Instant.parse("2025-12-01T00:00:00Z");
    static final Instant STARTS = Instant.parse("2025-12-24T19:00:00Z");
    static final EditPatterns PATTERNS = new EditPatterns(List.of("vocal", "drum", "random"), 10);
    // primary 2 places by lottery; secondary 6, tertiary 18 first come
    static final DistributionOrders ORDERS = DistributionOrders.plan(new LiveTerms(200, 3, Duration.ofMinutes(10)), 2, 3,
            Rank.HIGH, Rank.MIDDLE);

    static Application.Request request(String id, String applicant, int order) {
        return new Application.Request(id, applicant, order, "", true, true, 0, 0);
    }

    static String key(Executable refused) {
        return assertThrows(RuleViolation.class, refused).messageKey();
    }

    ApplicationBook book() {
        return ApplicationBook.fixedPrices(ORDERS, PATTERNS, LOTTERY_CLOSES, STARTS);
    }

    @Test
    void anApplicationIsTakenAtItsOrdersPriceWithItsChoices() {
        ApplicationBook book = book();
        Application a = book.apply(new Application.Request("1", "CM-A", 2, " Vocal ", true, false, 3, 2), OPEN, 1_000);
        assertEquals(160, a.amount());
        assertEquals("vocal", a.editPattern());
        assertTrue(a.redistributionAllowed());
        assertFalse(a.automaticReconnection());
        assertEquals(EditPatterns.ENTIRETY, book.apply(request("2", "CM-B", 2), OPEN, 1_000).editPattern());
        assertEquals(2, book.standing(2, OPEN).applications());
    }

    @Test
    void badApplicationsAreRefusedWithAClearReason() {
        ApplicationBook book = book();
        book.apply(request("1", "CM-A", 1), OPEN, 200);
        assertEquals("live.application.twice", key(() -> book.apply(request("2", "CM-A", 1), OPEN, 1_000)));
        assertEquals("live.application.balance", key(() -> book.apply(request("3", "CM-B", 1), OPEN, 199)));
        assertEquals("live.application.closed", key(() -> book.apply(request("4", "CM-B", 1), LOTTERY_CLOSES, 1_000)));
        assertEquals("live.application.closed", key(() -> book.apply(request("5", "CM-B", 2), STARTS, 1_000)));
        assertEquals("live.application.order", key(() -> book.apply(request("6", "CM-B", 4), OPEN, 1_000)));
        assertEquals("live.application.pattern",
                key(() -> book.apply(new Application.Request("7", "CM-B", 2, "bass", true, true, 0, 0), OPEN, 1_000)));
        RuleViolation balance = assertThrows(RuleViolation.class, () -> book.apply(request("8", "CM-C", 2), OPEN, 100));
        assertEquals(List.of(160L, 100L), List.of(balance.arguments()));
        assertEquals(1, book.applications().size()); // nothing refused was kept
    }

    @Test
    void aFirstComeOrderClosesWhenFullAndALotteryOrderTakesMore() {
        ApplicationBook book = book();
        for (int i = 1; i <= 6; i++) {
            book.apply(request("s" + i, "CM-" + i, 2), OPEN, 1_000);
        }
        assertTrue(book.standing(2, OPEN).soldOut());
        assertFalse(book.standing(2, OPEN).open());
        assertEquals("live.application.soldOut", key(() -> book.apply(request("s7", "CM-7", 2), OPEN, 1_000)));
        for (int i = 1; i <= 5; i++) {
            book.apply(request("p" + i, "CM-P" + i, 1), OPEN, 1_000);
        }
        OrderStanding primary = book.standing(1, OPEN);
        assertTrue(primary.lotteryApplies());
        assertTrue(primary.open());
        assertEquals("2.50", primary.competitionRatio().toPlainString());
    }

    @Test
    void aLotteryIsPublishedOnceAndLosersAreOfferedTheOrdersWithRoom() {
        ApplicationBook book = book();
        for (int i = 1; i <= 5; i++) {
            book.apply(request("p" + i, "CM-" + i, 1), OPEN, 1_000);
        }
        book.apply(request("s1", "CM-6", 2), OPEN, 1_000);
        Lottery lottery = new Lottery(1, 2, 3, LotteryTest.SEED.commitment());
        LotteryResult result = lottery.draw(LotteryTest.SEED, book.entries(1));
        assertThrows(IllegalArgumentException.class, () -> book.publish(result, OPEN)); // still taking applications
        assertTrue(book.confirmed(1).isEmpty());
        book.publish(result, LOTTERY_CLOSES);
        assertEquals("live.lottery.drawn", key(() -> book.publish(result, LOTTERY_CLOSES)));
        assertEquals(result.winners().stream().sorted().toList(), book.confirmed(1).stream().map(Application::id).sorted().toList());

        Instant after = LOTTERY_CLOSES.plusSeconds(60);
        String loser = result.losers().get(0);
        List<Integer> offered = book.offersFor(loser, after).stream().map(s -> s.order().number()).toList();
        String loserApplicant = book.applications().stream().filter(a -> a.id().equals(loser)).findFirst().orElseThrow().applicant();
        assertEquals(List.of(2, 3), offered);
        assertTrue(book.offersFor(result.winners().get(0), after).isEmpty());
        // the loser takes the offer
        int other = offered.get(0);
        assertEquals(other, book.apply(request("again", loserApplicant, other), after, 1_000).order());
    }

    @Test
    void oneMediaHoldsOnePlacePerEventAndALostDrawFreesIt() {
        ApplicationBook book = book();
        book.apply(request("s", "CM-A", 2), OPEN, 1_000);
        RuleViolation second = assertThrows(RuleViolation.class, () -> book.apply(request("t", "CM-A", 3), OPEN, 1_000));
        assertEquals("live.application.placeHeld", second.messageKey());
        assertEquals(List.of(2), List.of(second.arguments()));
        assertEquals("live.application.placeHeld", key(() -> book.apply(request("p", "CM-A", 1), OPEN, 1_000)));

        // a lottery application may still win: no second place while it is undrawn
        for (int i = 1; i <= 3; i++) {
            book.apply(request("p" + i, "CM-" + i, 1), OPEN, 1_000);
        }
        assertEquals("live.application.placeHeld", key(() -> book.apply(request("x", "CM-1", 3), OPEN, 1_000)));
        assertEquals(4, book.applications().size());

        LotteryResult result = new Lottery(1, 2, 3, LotteryTest.SEED.commitment()).draw(LotteryTest.SEED, book.entries(1));
        book.publish(result, LOTTERY_CLOSES);
        Instant after = LOTTERY_CLOSES.plusSeconds(60);
        String winner = applicantOf(book, result.winners().get(0));
        String loser = applicantOf(book, result.losers().get(0));
        assertEquals("live.application.placeHeld", key(() -> book.apply(request("w", winner, 3), after, 1_000)));
        assertEquals(3, book.apply(request("l", loser, 3), after, 1_000).order());
        assertEquals("live.application.placeHeld", key(() -> book.apply(request("l2", loser, 2), after, 1_000)));
    }

    private static String applicantOf(ApplicationBook book, String applicationId) {
        return book.applications().stream().filter(a -> a.id().equals(applicationId)).findFirst().orElseThrow().applicant();
    }

    @Test
    void aResultOverOtherApplicationsIsNotPublished() {
        ApplicationBook book = book();
        for (int i = 1; i <= 3; i++) {
            book.apply(request("p" + i, "CM-" + i, 1), OPEN, 1_000);
        }
        LotteryResult partial = LotteryResult.draw(1, 2, 3, LotteryTest.SEED, book.entries(1).subList(0, 2));
        assertThrows(IllegalArgumentException.class, () -> book.publish(partial, LOTTERY_CLOSES));
    }

    @Test
    void chargedApplicationsFreezeTheirOrderAndTheSchedule() {
        ApplicationBook book = book();
        book.apply(request("s1", "CM-1", 2), OPEN, 1_000);
        assertThrows(IllegalArgumentException.class, () -> book.charged("nope"));
        book.reschedule(LOTTERY_CLOSES.minusSeconds(3_600), STARTS); // nobody charged yet: allowed
        book.charged("s1");
        assertThrows(IllegalArgumentException.class, () -> book.charged("s1"));

        DistributionOrders dearer = DistributionOrders.plan(new LiveTerms(300, 3, Duration.ofMinutes(10)), 2, 3, Rank.HIGH, Rank.MIDDLE);
        assertEquals("live.price.charged", key(() -> book.revise(dearer)));
        DistributionOrders slower = DistributionOrders.plan(new LiveTerms(200, 3, Duration.ofMinutes(20)), 2, 3, Rank.HIGH, Rank.MIDDLE);
        assertEquals("live.price.charged", key(() -> book.revise(slower)));
        DistributionOrders fewer = DistributionOrders.plan(new LiveTerms(200, 3, Duration.ofMinutes(10)), 2, 1, Rank.HIGH, Rank.MIDDLE);
        assertEquals("live.price.charged", key(() -> book.revise(fewer)));
        assertEquals("live.schedule.charged", key(() -> book.reschedule(LOTTERY_CLOSES, STARTS.plusSeconds(3_600))));

        // the primary order has nobody charged: its price may still follow a checkpoint
        List<DistributionOrder> revised = new java.util.ArrayList<>(ORDERS.orders());
        DistributionOrder p = revised.get(0);
        revised.set(0, new DistributionOrder(1, 300, p.ability(), p.delay(), p.rule()));
        book.revise(new DistributionOrders(revised));
        assertEquals(300, book.standing(1, OPEN).currentPrice());
        assertEquals(160, book.standing(2, OPEN).currentPrice());
    }

    @Test
    void aDownAuctionChargesTheAmountCurrentWhenApplying() {
        DownAuction auction = DownAuction.plan(ORDERS, OPEN, Duration.ofDays(1));
        ApplicationBook book = ApplicationBook.downAuction(auction, PATTERNS, STARTS);
        assertEquals("live.application.closed", key(() -> book.apply(request("early", "CM-0", 1), OPEN.minusSeconds(1), 1_000)));
        assertEquals(200, book.apply(request("a", "CM-1", 1), OPEN, 1_000).amount());
        assertEquals(190, book.apply(request("b", "CM-2", 1), OPEN.plus(Duration.ofDays(1)), 1_000).amount());
        assertEquals("live.application.soldOut",
                key(() -> book.apply(request("c", "CM-3", 1), OPEN.plus(Duration.ofDays(2)), 1_000)));
        assertEquals(180, book.standing(1, OPEN.plus(Duration.ofDays(2))).currentPrice());
        assertTrue(book.standing(1, OPEN).soldOut());
        assertFalse(book.orders().order(1).orElseThrow().byLottery());
    }
}
