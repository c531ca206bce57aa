package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class RanksAndPricingTest {

    static DemandDegree demand(long spectators, long downloads, long hits) {
        return new DemandDegree(Figure.bySponsor(spectators), Figure.fromRecords(downloads), Figure.bySponsor(hits));
    }

    static DistributionDegree ability(long streams, long linkMbps, long speedKbps) {
        return new DistributionDegree(Figure.bySponsor(streams), Figure.bySponsor(linkMbps), Figure.bySponsor(speedKbps));
    }

    @Test
    void demandIsRankedFromTheProductOfItsThreeFactorsAndExplainsItself() {
        RankBreakdown b = demand(20_000, 25_000, 500_000).breakdown();
        assertEquals(List.of(3, 3, 2), b.scores().stream().map(RankBreakdown.Score::points).toList());
        assertEquals(18, b.product());
        assertEquals(Rank.HIGH, b.rank());
        RankBreakdown.Score downloads = b.scores().get(1);
        assertEquals("live.factor.downloads", downloads.factorKey());
        assertEquals(Figure.Source.CASCADE_RECORDS, downloads.figure().source());
        assertEquals(DemandDegree.DOWNLOADS_MIDDLE, downloads.middleFrom());
        assertEquals(DemandDegree.DOWNLOADS_HIGH, downloads.highFrom());

        assertEquals(Rank.LOW, demand(500, 300, 50_000).rank());
        assertEquals(1, demand(500, 300, 50_000).breakdown().product());
        assertEquals(Rank.MIDDLE, demand(1_000, 1_000, 100_000).rank()); // 2 × 2 × 2 = 8, thresholds are inclusive
        assertEquals(Rank.LOW, demand(999, 1_000, 100_000).rank()); // 1 × 2 × 2 = 4
        assertEquals(Rank.HIGH, demand(10_000, 1_000, 100_000).rank()); // 3 × 2 × 2 = 12
    }

    @Test
    void oneWeakFactorPullsTheRankDown() {
        // a stadium act nobody downloads or searches for: 3 × 1 × 1 = 3
        assertEquals(Rank.LOW, demand(60_000, 10, 10).rank());
        // two strong factors and one weak: 3 × 3 × 1 = 9
        assertEquals(Rank.MIDDLE, demand(60_000, 50_000, 10).rank());
    }

    @Test
    void distributionAbilityIsRankedFromServerLinkAndSpeed() {
        RankBreakdown strong = ability(5_000, 10_000, 8_000).breakdown();
        assertEquals(27, strong.product());
        assertEquals(Rank.HIGH, strong.rank());
        assertEquals("live.factor.serverPerformance", strong.scores().get(0).factorKey());
        assertEquals(Rank.LOW, ability(50, 50, 1_000).rank());
        assertEquals(Rank.MIDDLE, ability(500, 500, 3_000).rank());
    }

    @Test
    void aBreakdownThatDoesNotFollowFromItsScoresIsRefused() {
        RankBreakdown b = demand(20_000, 25_000, 500_000).breakdown();
        assertThrows(IllegalArgumentException.class, () -> new RankBreakdown(b.scores(), 18, Rank.LOW));
        assertThrows(IllegalArgumentException.class, () -> new RankBreakdown(b.scores(), 9, Rank.MIDDLE));
        assertThrows(IllegalArgumentException.class, () -> new RankBreakdown.Score("x", Figure.bySponsor(5), 1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> Figure.bySponsor(-1));
    }

    @Test
    void fig22ReferencePrices() {
        assertEquals(300, ReferencePrice.of(200, Rank.HIGH, Rank.LOW).price());
        assertEquals(150, ReferencePrice.of(200, Rank.HIGH, Rank.LOW).percent());
        assertEquals(100, ReferencePrice.of(200, Rank.LOW, Rank.HIGH).price());
        assertEquals(200, ReferencePrice.of(200, Rank.MIDDLE, Rank.MIDDLE).price());
        assertEquals(200, ReferencePrice.of(200, Rank.HIGH, Rank.HIGH).price());
        assertEquals(250, ReferencePrice.of(200, Rank.HIGH, Rank.MIDDLE).price());
        assertEquals(150, ReferencePrice.of(200, Rank.MIDDLE, Rank.HIGH).price());
        assertEquals(2, ReferencePrice.of(200, Rank.HIGH, Rank.LOW).pressure());
        assertEquals(2_249, ReferencePrice.of(2_999, Rank.LOW, Rank.MIDDLE).price()); // 75 %, rounded down
        assertThrows(IllegalArgumentException.class, () -> ReferencePrice.of(0, Rank.LOW, Rank.LOW));
    }

    @Test
    void termsFollowTheRanks() {
        LiveTerms base = new LiveTerms(200, 3, Duration.ofMinutes(10));
        assertEquals(new LiveTerms(300, 5, Duration.ofMinutes(5)), base.underRanks(Rank.HIGH, Rank.LOW));
        assertEquals(new LiveTerms(100, 1, Duration.ofMinutes(15)), base.underRanks(Rank.LOW, Rank.HIGH));
        assertEquals(base, base.underRanks(Rank.MIDDLE, Rank.MIDDLE));
        assertEquals(new LiveTerms(250, 4, Duration.ofSeconds(450)), base.underRanks(Rank.HIGH, Rank.MIDDLE));
        // 10 s a quarter longer is 12 s, not 12.5 s: the terms are kept in whole seconds, so the
        // third order's delay reads the same (24 s) wherever it is shown
        LiveTerms short10 = new LiveTerms(200, 3, Duration.ofSeconds(10));
        LiveTerms lower = short10.underRanks(Rank.MIDDLE, Rank.HIGH);
        assertEquals(Duration.ofSeconds(12), lower.redistributionInterval());
        assertEquals(Duration.ofSeconds(24), DistributionOrders.plan(lower, 2, 3, Rank.MIDDLE, Rank.HIGH).order(3).orElseThrow().delay());
        // bounds: never below one redistributor, nor below a five-second interval, nor above ten redistributors
        LiveTerms tight = new LiveTerms(200, 10, Duration.ofSeconds(5));
        assertEquals(new LiveTerms(300, 10, Duration.ofSeconds(5)), tight.underRanks(Rank.HIGH, Rank.LOW));
        assertEquals(1, new LiveTerms(200, 1, Duration.ofSeconds(5)).underRanks(Rank.LOW, Rank.HIGH).redistributorsPerTerminal());
    }

    @Test
    void impossibleTermsAreRefusedWithAMessage() {
        assertEquals("live.terms.price",
                assertThrows(RuleViolation.class, () -> new LiveTerms(0, 3, Duration.ofMinutes(5))).messageKey());
        assertEquals("live.terms.redistributors",
                assertThrows(RuleViolation.class, () -> new LiveTerms(200, 11, Duration.ofMinutes(5))).messageKey());
        assertEquals("live.terms.interval",
                assertThrows(RuleViolation.class, () -> new LiveTerms(200, 3, Duration.ofSeconds(4))).messageKey());
    }
}
