package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownAuctionTest {

    static final Instant OPENS = Instant.parse("2025-11-01T10:00:00Z");
    static final Instant CLOSES = Instant.parse("2025-12-24T19:00:00Z");
    static final DistributionOrders ORDERS = DistributionOrders.plan(new LiveTerms(200, 3, Duration.ofMinutes(10)), 2, 3,
            Rank.MIDDLE, Rank.MIDDLE);

    @Test
    void eachOrdersRangeFallsWithItsDelay() {
        DownAuction auction = DownAuction.plan(ORDERS, OPENS, Duration.ofHours(6));
        assertEquals(List.of(200L, 160L, 128L), auction.ranges().stream().map(DownAuction.Range::startPrice).toList());
        assertEquals(List.of(100L, 80L, 64L), auction.ranges().stream().map(DownAuction.Range::floorPrice).toList());
        assertEquals(List.of(10L, 8L, 6L), auction.ranges().stream().map(DownAuction.Range::stepAmount).toList());
    }

    @Test
    void theAmountStepsDownEachIntervalToTheFloor() {
        DownAuction auction = DownAuction.plan(ORDERS, OPENS, Duration.ofHours(6));
        assertEquals(200, auction.priceAt(1, OPENS.minusSeconds(3_600))); // before opening: the top of the range
        assertEquals(200, auction.priceAt(1, OPENS));
        assertEquals(200, auction.priceAt(1, OPENS.plus(Duration.ofHours(6)).minusNanos(1)));
        assertEquals(190, auction.priceAt(1, OPENS.plus(Duration.ofHours(6))));
        assertEquals(150, auction.priceAt(1, OPENS.plus(Duration.ofHours(30))));
        assertEquals(100, auction.priceAt(1, OPENS.plus(Duration.ofHours(60))));
        assertEquals(100, auction.priceAt(1, OPENS.plus(Duration.ofDays(10_000)))); // never below the floor
        // order 3 steps 6 yen from 128: 122, 116 … and stops at 64, though 128 - 6k never hits it exactly
        assertEquals(122, auction.priceAt(3, OPENS.plus(Duration.ofHours(6))));
        assertEquals(68, auction.priceAt(3, OPENS.plus(Duration.ofHours(60))));
        assertEquals(64, auction.priceAt(3, OPENS.plus(Duration.ofHours(66))));
        assertEquals(OPENS.plus(Duration.ofHours(12)), auction.nextStepAt(OPENS.plus(Duration.ofHours(7))));
        // at every moment, a later order is never dearer than an earlier one
        for (int h = 0; h < 80; h++) {
            Instant t = OPENS.plus(Duration.ofHours(h));
            assertTrue(auction.priceAt(1, t) >= auction.priceAt(2, t));
            assertTrue(auction.priceAt(2, t) >= auction.priceAt(3, t));
        }
    }

    @Test
    void theStatesTheScreenShows() {
        DownAuction auction = DownAuction.plan(ORDERS, OPENS, Duration.ofHours(6));
        assertEquals(DownAuction.State.NOT_OPEN, auction.state(1, 0, OPENS.minusSeconds(1), CLOSES));
        assertEquals(DownAuction.State.APPLYING, auction.state(1, 1, OPENS, CLOSES));
        assertEquals(DownAuction.State.SOLD_OUT, auction.state(1, 2, OPENS, CLOSES)); // ability 2
        assertEquals(DownAuction.State.APPLYING, auction.state(2, 5, OPENS, CLOSES)); // ability 6
        assertEquals(DownAuction.State.CLOSED, auction.state(2, 5, CLOSES, CLOSES));
        assertEquals(List.of("live.auction.warning.priceVaries", "live.auction.warning.confirmByMail"), DownAuction.WARNINGS);
    }

    @Test
    void aRangeAboveAnEarlierOrdersOrUpsideDownIsRefused() {
        DistributionOrder first = ORDERS.order(1).orElseThrow();
        DistributionOrder second = ORDERS.order(2).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> new DownAuction.Range(first, 100, 200, 10));
        assertThrows(IllegalArgumentException.class, () -> new DownAuction.Range(first, 200, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new DownAuction(OPENS, Duration.ofHours(1),
                List.of(new DownAuction.Range(first, 200, 100, 10), new DownAuction.Range(second, 250, 90, 10))));
        assertThrows(IllegalArgumentException.class, () -> new DownAuction(OPENS, Duration.ZERO,
                List.of(new DownAuction.Range(first, 200, 100, 10))));
    }
}
