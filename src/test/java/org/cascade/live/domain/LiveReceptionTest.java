package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** Opening applications on an event, and the book, checkpoints and edits that follow from what was recorded. */
class LiveReceptionTest {

    static final Instant NOW = LiveEventTest.NOW;
    static final Instant SHOW = LiveEventTest.SHOW;
    static final Instant CLOSING = SHOW.minus(Duration.ofDays(2));

    static LiveEvent strongEvent() {
        // pressure +2: primary 300 yen (16 terminals) and secondary 240 yen by lottery, later orders first come
        return new LiveEvent("LV-1", LiveEventTest.configuration(SHOW, 100, 50, 3_000), LiveEventTest.strongDemand(), NOW);
    }

    static ReceptionSettings fixed(int setCount) {
        return new ReceptionSettings(ReceptionSettings.SaleMode.FIXED_PRICES, CLOSING, null,
                new EditPatterns(List.of("vocal", "drum"), 10), setCount, 1);
    }

    static LotterySeed seed() {
        return LotterySeed.generate(new SecureRandom());
    }

    @Test
    void openingFixesTheTermsAndCommitsToTheSeed() {
        LiveEvent event = strongEvent();
        LotterySeed seed = seed();
        event.openReception(fixed(2), seed, NOW);
        assertTrue(event.receptionOpen());
        assertEquals(seed.commitment(), event.seedCommitment());
        assertEquals(seed, event.seed());
        assertEquals(new LiveTerms(300, 5, Duration.ofMinutes(5)), event.termsInForce());
        assertEquals(List.of("entirety", "vocal", "drum"), event.patterns().patterns());
        ApplicationBook book = event.book(List.of(), List.of(), Set.of());
        assertEquals(List.of(true, true, false, false), book.orders().orders().stream().map(DistributionOrder::byLottery).toList());
        assertFalse(book.lotteryDue(NOW));
        assertTrue(book.lotteryDue(CLOSING));
        RuleViolation again = assertThrows(RuleViolation.class, () -> event.openReception(fixed(2), seed(), NOW));
        assertEquals("live.reception.opened", again.messageKey());
    }

    @Test
    void openingIsRefusedWhenTheSettingsDoNotFitTheEvent() {
        LiveEvent event = strongEvent();
        ReceptionSettings closesAfterStart = new ReceptionSettings(ReceptionSettings.SaleMode.FIXED_PRICES,
                SHOW.plusSeconds(1), null, new EditPatterns(List.of(), 10), 1, 0);
        assertEquals("live.reception.closing",
                assertThrows(RuleViolation.class, () -> event.openReception(closesAfterStart, seed(), NOW)).messageKey());
        assertEquals("live.reception.setCount",
                assertThrows(RuleViolation.class, () -> event.openReception(fixed(17), seed(), NOW)).messageKey());
        ReceptionSettings refundAboveLastPrice = new ReceptionSettings(ReceptionSettings.SaleMode.FIXED_PRICES, CLOSING, null,
                new EditPatterns(List.of(), 10), 1, 154);
        assertEquals("live.reception.refund",
                assertThrows(RuleViolation.class, () -> event.openReception(refundAboveLastPrice, seed(), NOW)).messageKey());
        assertEquals("live.reception.step", assertThrows(RuleViolation.class, () -> new ReceptionSettings(
                ReceptionSettings.SaleMode.DOWN_AUCTION, null, Duration.ofSeconds(30), new EditPatterns(List.of(), 10), 1, 0))
                .messageKey());
        assertEquals("live.reception.patternName", assertThrows(RuleViolation.class, () -> new ReceptionSettings(
                ReceptionSettings.SaleMode.FIXED_PRICES, CLOSING, null, new EditPatterns(List.of("vo\ncal"), 10), 1, 0))
                .messageKey());
        assertEquals("live.reception.started",
                assertThrows(RuleViolation.class, () -> event.openReception(fixed(1), seed(), SHOW)).messageKey());
        assertFalse(event.receptionOpen(), "nothing was opened by a refusal");
    }

    @Test
    void aDownAuctionSellsEveryOrderFirstComeAtFallingAmounts() {
        LiveEvent event = strongEvent();
        event.openReception(new ReceptionSettings(ReceptionSettings.SaleMode.DOWN_AUCTION, null, Duration.ofHours(1),
                new EditPatterns(List.of(), 10), 1, 0), seed(), NOW);
        ApplicationBook book = event.book(List.of(), List.of(), Set.of());
        assertTrue(book.orders().orders().stream().noneMatch(DistributionOrder::byLottery));
        assertEquals(300, book.standing(1, NOW).currentPrice());
        assertEquals(285, book.standing(1, NOW.plus(Duration.ofHours(1))).currentPrice());
        assertEquals(NOW.plus(Duration.ofHours(1)), event.auction().nextStepAt(NOW));
    }

    @Test
    void aCheckpointRevisesTheTermsUnlessChargedApplicantsPaidForThem() {
        LiveEvent event = strongEvent();
        event.openReception(fixed(1), seed(), NOW);
        // demand falls to low: pressure 0 at the 30-day checkpoint gives the base terms back
        event.updateDemand(new DemandDegree(Figure.bySponsor(10), Figure.bySponsor(10), Figure.bySponsor(10)));
        Instant at = Checkpoint.DAYS_30.at(SHOW);
        CheckpointLog log = event.checkpoints(EnumSet.noneOf(Checkpoint.class));
        // the event is 90 days off at opening: that checkpoint's ranks were seen at opening already
        assertEquals(List.of(Checkpoint.DAYS_30), log.due(at));
        PriceRevision revision = log.evaluate(Checkpoint.DAYS_30, at, event.demand(), event.distributionDegree());

        ApplicationBook uncharged = event.book(List.of(), List.of(), Set.of());
        event.revise(revision, uncharged);
        assertTrue(event.termsInForce().price() < 300, "the price fell with demand");

        LiveEvent charged = strongEvent();
        charged.openReception(new ReceptionSettings(ReceptionSettings.SaleMode.FIXED_PRICES, NOW.plusSeconds(60), null,
                new EditPatterns(List.of(), 10), 1, 0), seed(), NOW);
        Application primary = new Application("LA-1", "CM-A", 1, NOW, 300, "entirety", true, false, 0, 0);
        LotteryResult drawn = new Lottery(1, 16, 5, charged.seedCommitment()).draw(charged.seed(), List.of(primary.entry()));
        ApplicationBook book = charged.book(List.of(primary), List.of(drawn), Set.of("LA-1"));
        charged.updateDemand(new DemandDegree(Figure.bySponsor(10), Figure.bySponsor(10), Figure.bySponsor(10)));
        PriceRevision r = charged.checkpoints(Set.of()).evaluate(Checkpoint.DAYS_30, at, charged.demand(),
                charged.distributionDegree());
        assertEquals("live.price.charged", assertThrows(RuleViolation.class, () -> charged.revise(r, book)).messageKey());
        assertEquals(300, charged.termsInForce().price(), "a refused revision changes nothing");
        assertEquals(List.of(), charged.checkpoints(Set.of(Checkpoint.DAYS_30)).due(at),
                "a checkpoint recorded once is never due again");
    }

    @Test
    void theScheduleAndPriceCannotMoveOnceApplicantsWereCharged() {
        LiveEvent event = strongEvent();
        event.openReception(new ReceptionSettings(ReceptionSettings.SaleMode.FIXED_PRICES, NOW.plusSeconds(60), null,
                new EditPatterns(List.of(), 10), 1, 0), seed(), NOW);
        Application primary = new Application("LA-1", "CM-A", 1, NOW, 300, "entirety", true, false, 0, 0);
        LotteryResult drawn = new Lottery(1, 16, 5, event.seedCommitment()).draw(event.seed(), List.of(primary.entry()));
        ApplicationBook book = event.book(List.of(primary), List.of(drawn), Set.of("LA-1"));
        Instant later = NOW.plusSeconds(120);
        assertEquals("live.price.charged", assertThrows(RuleViolation.class,
                () -> event.editPriceAndSchedule(250, SHOW, event.lotteryClosesAt(), book, later)).messageKey());
        assertEquals("live.schedule.charged", assertThrows(RuleViolation.class,
                () -> event.editPriceAndSchedule(200, SHOW.plus(Duration.ofDays(1)), event.lotteryClosesAt(), book, later))
                .messageKey());
        assertEquals(SHOW, event.startsAt());

        LiveEvent free = strongEvent();
        free.openReception(fixed(1), seed(), NOW);
        free.editPriceAndSchedule(400, SHOW.plus(Duration.ofDays(1)), CLOSING, free.book(List.of(), List.of(), Set.of()), NOW);
        assertEquals(600, free.termsInForce().price(), "the new base under the same ranks");
        assertEquals(SHOW.plus(Duration.ofDays(1)), free.startsAt());
    }

    @Test
    void laterApplicantsAreGivenChargedRelaysOfTheSamePatternTheLeastLoadedFirst() {
        Application p1 = new Application("P1", "A", 1, NOW, 300, "vocal", true, false, 0, 2);
        Application p2 = new Application("P2", "B", 1, NOW.plusSeconds(1), 300, "vocal", true, false, 0, 2);
        Application p3 = new Application("P3", "C", 1, NOW.plusSeconds(2), 300, "entirety", false, false, 0, 0);
        Application s1 = new Application("S1", "D", 2, NOW.plusSeconds(3), 240, "vocal", true, false, 0, 0);
        Application s2 = new Application("S2", "E", 2, NOW.plusSeconds(4), 240, "vocal", true, false, 0, 0);
        Application s3 = new Application("S3", "F", 2, NOW.plusSeconds(5), 240, "vocal", true, false, 0, 0);
        Application s4 = new Application("S4", "G", 2, NOW.plusSeconds(6), 240, "entirety", true, false, 0, 0);
        Map<String, String> given = Destinations.assign(List.of(s4, s3, s2, s1), List.of(p1, p2, p3), Map.of("P1", 1), 2,
                Application::editPattern);
        // P1 relays to one already, so S1 goes to P2; then both have one, the earlier applicant first
        assertEquals(Map.of("S1", "P2", "S2", "P1", "S3", "P2"), given);
        assertFalse(given.containsKey("S4"), "the sponsor's edit's only primary does not relay");
    }
}
