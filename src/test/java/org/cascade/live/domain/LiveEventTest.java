package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant SHOW = Instant.parse("2027-03-01T10:00:00Z");

    static EventConfiguration configuration(Instant startsAt, long serverStreams, long linkMbps, long streamKbps) {
        return new EventConfiguration(new EventConfiguration.Registration("The Cascades", "Spring tour", startsAt),
                new EventConfiguration.Venue("Budokan", 14_000, 3, "PA, 48 kHz stereo"),
                new EventConfiguration.DistributionInformation("Center", serverStreams, linkMbps, streamKbps, 4, 200, 3,
                        Duration.ofMinutes(10)),
                new EventConfiguration.Sponsor("Cascade Promotions", "holder-1", "live@example.org"));
    }

    static DemandDegree strongDemand() {
        return new DemandDegree(Figure.bySponsor(20_000), Figure.bySponsor(25_000), Figure.bySponsor(500_000));
    }

    @Test
    void aStrongArtistOnAWeakLinkIsPricedUpAndCascadesWider() {
        // demand 3 × 3 × 2 = 18 (high); ability 1 × 1 × 2 = 2 (low): pressure +2
        LiveEvent event = new LiveEvent("LV-1", configuration(SHOW, 100, 50, 3_000), strongDemand(), NOW);
        EventPricing p = event.pricing();
        assertEquals(Rank.HIGH, p.demand().rank());
        assertEquals(18, p.demand().product());
        assertEquals(Rank.LOW, p.ability().rank());
        assertEquals(List.of(1, 1, 2), p.ability().scores().stream().map(RankBreakdown.Score::points).toList());
        assertEquals(300, p.referencePrice().price());
        assertEquals(150, p.referencePrice().percent());
        assertEquals(new LiveTerms(300, 5, Duration.ofMinutes(5)), p.terms());
        assertEquals(16, p.primaryAbility()); // 50 Mbit/s at 3 Mbit/s a stream
        assertEquals(List.of(300L, 240L, 192L, 153L), p.orders().orders().stream().map(DistributionOrder::price).toList());
        assertEquals(List.of(16L, 80L, 400L, 2_000L), p.orders().orders().stream().map(DistributionOrder::ability).toList());
        assertEquals(List.of(true, true, false, false), p.orders().orders().stream().map(DistributionOrder::byLottery).toList());
        assertEquals(Duration.ofMinutes(15), p.orders().order(4).orElseThrow().delay());
    }

    @Test
    void theEventGivesBackItsConfigurationAndWhereEachFigureCameFrom() {
        EventConfiguration c = configuration(SHOW, 100, 50, 3_000);
        DemandDegree demand = new DemandDegree(Figure.bySponsor(20_000), Figure.fromRecords(25_000), Figure.bySponsor(500_000));
        LiveEvent event = new LiveEvent("LV-1", c, demand, NOW);
        assertEquals(c, event.configuration());
        assertEquals(demand, event.demand());
        assertEquals("holder-1", event.holder());
        assertEquals(Figure.Source.CASCADE_RECORDS, event.pricing().demand().scores().get(1).figure().source());
        assertEquals(Figure.Source.SPONSOR, event.distributionDegree().serverStreams().source());
    }

    @Test
    void anEventStartsAfterItsRegistrationAndWithinFiveYears() {
        for (Instant when : List.of(NOW, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365L * 5 + 1)))) {
            assertEquals("live.config.when", assertThrows(RuleViolation.class,
                    () -> new LiveEvent("LV-1", configuration(when, 100, 50, 3_000), strongDemand(), NOW)).messageKey());
        }
        new LiveEvent("LV-1", configuration(NOW.plusSeconds(60), 100, 50, 3_000), strongDemand(), NOW);
    }

    @Test
    void aLinkThatCannotCarryOneStreamIsRefused() {
        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> new LiveEvent("LV-1", configuration(SHOW, 100, 5, 6_000), strongDemand(), NOW));
        assertEquals("live.config.link", refused.messageKey());
        assertEquals(List.of(5L, 6_000L), List.of(refused.arguments()));
    }

    @Test
    void aTextLongerThanItsColumnIsRefused() {
        EventConfiguration c = configuration(SHOW, 100, 50, 3_000);
        EventConfiguration longTitle = new EventConfiguration(
                new EventConfiguration.Registration("The Cascades", "x".repeat(LiveEvent.MAX_TITLE + 1), SHOW),
                c.venue(), c.distribution(), c.sponsor());
        assertEquals("live.config.tooLong", assertThrows(RuleViolation.class,
                () -> new LiveEvent("LV-1", longTitle, strongDemand(), NOW)).messageKey());
    }
}
