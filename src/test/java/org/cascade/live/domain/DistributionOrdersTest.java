package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class DistributionOrdersTest {

    static final LiveTerms TERMS = new LiveTerms(200, 3, Duration.ofMinutes(10));

    @Test
    void laterOrdersAreCheaperTakeMoreTerminalsAndComeLater() {
        DistributionOrders orders = DistributionOrders.plan(TERMS, 500, 4, Rank.MIDDLE, Rank.MIDDLE);
        assertEquals(List.of(200L, 160L, 128L, 102L), orders.orders().stream().map(DistributionOrder::price).toList());
        assertEquals(List.of(500L, 1_500L, 4_500L, 13_500L), orders.orders().stream().map(DistributionOrder::ability).toList());
        assertEquals(List.of(Duration.ZERO, Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30)),
                orders.orders().stream().map(DistributionOrder::delay).toList());
        assertEquals(20_000, orders.totalAbility());
        assertTrue(orders.order(1).orElseThrow().isPrimary());
        assertTrue(orders.order(5).isEmpty());
    }

    @Test
    void pricesNeverReachZero() {
        assertEquals(1, DistributionOrders.priceOf(2, 10));
        assertEquals(26, DistributionOrders.priceOf(200, 10));
    }

    @Test
    void demandAboveAbilityPutsTheUpperOrdersUnderALottery() {
        assertEquals(List.of(true, true, false), DistributionOrders.plan(TERMS, 100, 3, Rank.HIGH, Rank.LOW).orders().stream()
                .map(DistributionOrder::byLottery).toList());
        assertEquals(List.of(true, false, false), DistributionOrders.plan(TERMS, 100, 3, Rank.HIGH, Rank.MIDDLE).orders()
                .stream().map(DistributionOrder::byLottery).toList());
        assertEquals(List.of(false, false, false), DistributionOrders.plan(TERMS, 100, 3, Rank.LOW, Rank.HIGH).orders()
                .stream().map(DistributionOrder::byLottery).toList());
    }

    @Test
    void thePrimaryAbilityIsWhatBothTheServerAndTheLinkCanCarry() {
        EventConfiguration.DistributionInformation byLink = new EventConfiguration.DistributionInformation("CDN", 2_000,
                1_000, 4_000, 3, 200, 3, Duration.ofMinutes(10));
        assertEquals(250, byLink.primaryAbility()); // 1 Gbit/s at 4 Mbit/s a stream
        EventConfiguration.DistributionInformation byServer = new EventConfiguration.DistributionInformation("CDN", 100,
                1_000, 4_000, 3, 200, 3, Duration.ofMinutes(10));
        assertEquals(100, byServer.primaryAbility());
        assertEquals(TERMS, byServer.baseTerms());
        assertEquals("live.config.orders", assertThrows(RuleViolation.class, () -> new EventConfiguration.DistributionInformation(
                "CDN", 100, 1_000, 4_000, 11, 200, 3, Duration.ofMinutes(10))).messageKey());
        assertEquals("live.config.cameras", assertThrows(RuleViolation.class,
                () -> new EventConfiguration.Venue("Hall", 2_000, 0, "")).messageKey());
        assertThrows(IllegalArgumentException.class,
                () -> new EventConfiguration.Registration(" ", "Tour", Instant.parse("2025-12-24T19:00:00Z")));
    }

    @Test
    void aStandingShowsTheCompetitionRatioTheLotteryAndWhetherItIsFull() {
        DistributionOrder lottery = new DistributionOrder(1, 200, 4, Duration.ZERO, DistributionOrder.ReceptionRule.LOTTERY);
        OrderStanding over = new OrderStanding(lottery, 200, 10, true);
        assertEquals(new BigDecimal("2.50"), over.competitionRatio());
        assertTrue(over.lotteryApplies());
        assertFalse(over.soldOut());
        assertFalse(new OrderStanding(lottery, 200, 4, true).lotteryApplies()); // everyone fits: no draw needed

        DistributionOrder firstCome = new DistributionOrder(2, 160, 3, Duration.ofMinutes(10),
                DistributionOrder.ReceptionRule.CLOSES_WHEN_FULL);
        assertEquals(new BigDecimal("0.67"), new OrderStanding(firstCome, 160, 2, true).competitionRatio());
        assertEquals(1, new OrderStanding(firstCome, 160, 2, true).room());
        assertTrue(new OrderStanding(firstCome, 160, 3, false).soldOut());
        assertFalse(new OrderStanding(firstCome, 160, 3, false).lotteryApplies());
    }
}
