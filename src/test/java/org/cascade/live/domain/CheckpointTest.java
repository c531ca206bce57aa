package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    static final Instant EVENT = Instant.parse("2025-12-24T19:00:00Z");
    static final Instant OPENED = Instant.parse("2025-08-01T00:00:00Z"); // 145 days before
    static final LiveTerms BASE = new LiveTerms(200, 3, Duration.ofMinutes(10));
    static final DemandDegree HIGH_DEMAND = RanksAndPricingTest.demand(20_000, 25_000, 2_000_000);
    static final DemandDegree LOW_DEMAND = RanksAndPricingTest.demand(100, 100, 1_000);
    static final DemandDegree MIDDLE_DEMAND = RanksAndPricingTest.demand(2_000, 2_000, 200_000);
    static final DistributionDegree LOW_ABILITY = RanksAndPricingTest.ability(50, 50, 1_000);
    static final DistributionDegree HIGH_ABILITY = RanksAndPricingTest.ability(5_000, 5_000, 8_000);
    static final DistributionDegree MIDDLE_ABILITY = RanksAndPricingTest.ability(500, 500, 3_000);

    @Test
    void checkpointsFallOnTheSpecsRemainingDays() {
        assertEquals(Instant.parse("2025-09-25T19:00:00Z"), Checkpoint.DAYS_90.at(EVENT));
        assertEquals(Instant.parse("2025-11-24T19:00:00Z"), Checkpoint.DAYS_30.at(EVENT));
        assertEquals(Instant.parse("2025-12-17T19:00:00Z"), Checkpoint.DAYS_7.at(EVENT));
        assertEquals(Instant.parse("2025-12-23T19:00:00Z"), Checkpoint.DAYS_1.at(EVENT));
    }

    @Test
    void whichCheckpointsAreDue() {
        Set<Checkpoint> none = Set.of();
        assertEquals(List.of(), Checkpoint.due(EVENT, Checkpoint.DAYS_90.at(EVENT).minusSeconds(1), none));
        assertEquals(List.of(Checkpoint.DAYS_90), Checkpoint.due(EVENT, Checkpoint.DAYS_90.at(EVENT), none));
        assertEquals(List.of(Checkpoint.DAYS_90, Checkpoint.DAYS_30, Checkpoint.DAYS_7),
                Checkpoint.due(EVENT, Instant.parse("2025-12-20T00:00:00Z"), none));
        assertEquals(List.of(Checkpoint.DAYS_7),
                Checkpoint.due(EVENT, Instant.parse("2025-12-20T00:00:00Z"), EnumSet.of(Checkpoint.DAYS_90, Checkpoint.DAYS_30)));
        assertEquals(List.of(), Checkpoint.due(EVENT, EVENT, none)); // the event started: nothing more is sold at a new price
        assertEquals(Optional.of(Checkpoint.DAYS_30.at(EVENT)), Checkpoint.nextAfter(EVENT, Checkpoint.DAYS_90.at(EVENT)));
        assertEquals(Optional.empty(), Checkpoint.nextAfter(EVENT, Checkpoint.DAYS_1.at(EVENT)));
    }

    @Test
    void fig22DemandHighAbilityLowRaisesThePrice() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        Instant at = Checkpoint.DAYS_30.at(EVENT).plusSeconds(5);
        PriceRevision r = log.evaluate(Checkpoint.DAYS_30, at, HIGH_DEMAND, LOW_ABILITY);
        assertEquals(Rank.HIGH, r.demand().rank());
        assertEquals(Rank.LOW, r.ability().rank());
        assertEquals(200, r.before().price());
        assertEquals(300, r.after().price());
        assertEquals(PriceRevision.Direction.RAISED, r.price());
        assertEquals(PriceRevision.Direction.RAISED, r.redistributors());
        assertEquals(PriceRevision.Direction.LOWERED, r.interval());
        assertEquals("live.revision.raise", r.reasonKey());
        assertEquals(List.of(200L, 300L), List.of(r.reasonArguments()));
        log.apply(r);
        assertEquals(new LiveTerms(300, 5, Duration.ofMinutes(5)), log.current());
    }

    @Test
    void fig22DemandLowAbilityHighLowersThePrice() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        PriceRevision r = log.evaluate(Checkpoint.DAYS_90, Checkpoint.DAYS_90.at(EVENT), LOW_DEMAND, HIGH_ABILITY);
        assertEquals(100, r.after().price());
        assertEquals(PriceRevision.Direction.LOWERED, r.price());
        assertEquals(PriceRevision.Direction.LOWERED, r.redistributors());
        assertEquals(PriceRevision.Direction.RAISED, r.interval());
        assertEquals("live.revision.lower", r.reasonKey());
    }

    @Test
    void fig22NoChangeInTheRanksKeepsTheReferencePrice() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        for (Checkpoint c : Checkpoint.values()) {
            PriceRevision r = log.evaluate(c, c.at(EVENT), MIDDLE_DEMAND, MIDDLE_ABILITY);
            assertEquals(PriceRevision.Direction.UNCHANGED, r.price());
            assertEquals(PriceRevision.Direction.UNCHANGED, r.redistributors());
            assertEquals(PriceRevision.Direction.UNCHANGED, r.interval());
            assertFalse(r.changesAnything());
            assertEquals("live.revision.hold", r.reasonKey());
            log.apply(r);
        }
        assertEquals(BASE, log.current());
        assertEquals(4, log.revisions().size());
    }

    @Test
    void aPriceRaisedEarlierComesBackWhenTheRanksBalanceAgain() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        log.apply(log.evaluate(Checkpoint.DAYS_90, Checkpoint.DAYS_90.at(EVENT), HIGH_DEMAND, LOW_ABILITY));
        PriceRevision again = log.evaluate(Checkpoint.DAYS_30, Checkpoint.DAYS_30.at(EVENT), HIGH_DEMAND, LOW_ABILITY);
        assertEquals(PriceRevision.Direction.UNCHANGED, again.price()); // the same ranks do not raise it twice
        log.apply(again);
        PriceRevision balanced = log.evaluate(Checkpoint.DAYS_7, Checkpoint.DAYS_7.at(EVENT), HIGH_DEMAND, HIGH_ABILITY);
        assertEquals(PriceRevision.Direction.LOWERED, balanced.price());
        assertEquals(200, balanced.after().price());
    }

    @Test
    void aCheckpointIsAppliedOnceAndOnlyWhenDue() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        Instant at = Checkpoint.DAYS_7.at(EVENT);
        PriceRevision r = log.evaluate(Checkpoint.DAYS_7, at, HIGH_DEMAND, LOW_ABILITY);
        log.apply(r);
        assertEquals("live.checkpoint.applied", assertThrows(RuleViolation.class, () -> log.apply(r)).messageKey());
        PriceRevision fresh = log.evaluate(Checkpoint.DAYS_7, at.plusSeconds(60), HIGH_DEMAND, LOW_ABILITY);
        assertThrows(RuleViolation.class, () -> log.apply(fresh));
        assertFalse(log.due(at.plusSeconds(60)).contains(Checkpoint.DAYS_7));
        assertThrows(IllegalArgumentException.class,
                () -> log.evaluate(Checkpoint.DAYS_1, at, HIGH_DEMAND, LOW_ABILITY)); // not due yet
    }

    @Test
    void aStaleRevisionIsRefused() {
        CheckpointLog log = new CheckpointLog(EVENT, OPENED, BASE, BASE);
        Instant at = Checkpoint.DAYS_30.at(EVENT);
        PriceRevision first = log.evaluate(Checkpoint.DAYS_90, at, HIGH_DEMAND, LOW_ABILITY);
        PriceRevision computedFromTheSameTerms = log.evaluate(Checkpoint.DAYS_30, at, LOW_DEMAND, HIGH_ABILITY);
        log.apply(first);
        assertThrows(IllegalArgumentException.class, () -> log.apply(computedFromTheSameTerms));
    }

    @Test
    void checkpointsBeforeReceptionOpenedDoNotApply() {
        Instant opened = EVENT.minus(Duration.ofDays(20)); // registered after the 90- and 30-day checkpoints
        CheckpointLog log = new CheckpointLog(EVENT, opened, BASE, BASE);
        assertEquals(List.of(), log.due(opened.plusSeconds(1)));
        assertEquals(Optional.of(Checkpoint.DAYS_7.at(EVENT)), log.nextAt(opened));
        assertEquals(List.of(Checkpoint.DAYS_7, Checkpoint.DAYS_1), log.due(Checkpoint.DAYS_1.at(EVENT)));
        PriceRevision early = PriceRevision.at(Checkpoint.DAYS_30, EVENT, opened.plusSeconds(1), BASE, BASE,
                HIGH_DEMAND, LOW_ABILITY);
        assertThrows(IllegalArgumentException.class, () -> log.apply(early));
    }

    @Test
    void aSchedulerOnASettableClockAppliesEachCheckpointOnceAcrossRestarts() {
        MutableClock clock = new MutableClock(OPENED);
        List<PriceRevision> stored = new ArrayList<>();
        int restarts = 0;
        while (clock.instant().isBefore(EVENT.plus(Duration.ofDays(2)))) {
            // each simulated day the center restarts and reloads what it stored
            CheckpointLog log = CheckpointLog.restore(EVENT, OPENED, BASE, BASE, stored);
            for (Checkpoint due : log.due(clock.instant())) {
                PriceRevision r = log.evaluate(due, clock.instant(), HIGH_DEMAND, LOW_ABILITY);
                log.apply(r);
                stored.add(r);
            }
            restarts++;
            clock.advance(Duration.ofHours(13));
        }
        assertTrue(restarts > 200);
        assertEquals(List.of(Checkpoint.DAYS_90, Checkpoint.DAYS_30, Checkpoint.DAYS_7, Checkpoint.DAYS_1),
                stored.stream().map(PriceRevision::checkpoint).toList());
        for (PriceRevision r : stored) {
            assertTrue(r.checkpoint().isDue(EVENT, r.evaluatedAt()));
            assertTrue(Duration.between(r.checkpoint().at(EVENT), r.evaluatedAt()).compareTo(Duration.ofHours(13)) < 0);
        }
        assertEquals(300, CheckpointLog.restore(EVENT, OPENED, BASE, BASE, stored).current().price());
    }

    /** A clock the test moves by hand, as the scheduler's injected clock would be in tests. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
