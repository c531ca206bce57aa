package org.cascade.live.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A down auction over an event's orders (FIG. 19): each order has a price range that falls with
 * the order's delay, and the current application amount steps down over time from the top of the
 * range to its floor. An applicant pays the amount current when applying. An order is sold out
 * when its applications reach its ability.
 *
 * <p>Step rule: the amount at {@code t} is {@code max(floor, start − step × k)} with
 * {@code k = floor((t − opensAt) / stepInterval)}, and {@code start} before opening. Planned from
 * the orders ({@link #plan}): start at the order's FIG. 18 price, floor at
 * {@value #FLOOR_PERCENT} % of it, in {@value #STEPS} equal steps (at least 1 yen each).
 */
public record DownAuction(Instant opensAt, Duration stepInterval, List<Range> ranges) {

    public static final int FLOOR_PERCENT = 50;
    public static final int STEPS = 10;

    /** The warnings FIG. 19 shows under the ticket choice. */
    public static final List<String> WARNINGS = List.of("live.auction.warning.priceVaries",
            "live.auction.warning.confirmByMail");

    /** Where an order stands in the auction. */
    public enum State { NOT_OPEN, APPLYING, SOLD_OUT, CLOSED }

    /** One order's price range and step. */
    public record Range(DistributionOrder order, long startPrice, long floorPrice, long stepAmount) {
        public Range {
            Objects.requireNonNull(order, "order");
            if (floorPrice < 1 || startPrice < floorPrice || stepAmount < 1) {
                throw new IllegalArgumentException("range " + startPrice + " → " + floorPrice + " by " + stepAmount);
            }
        }
    }

    public DownAuction {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(stepInterval, "stepInterval");
        ranges = List.copyOf(ranges);
        if (stepInterval.isNegative() || stepInterval.isZero() || ranges.isEmpty()) {
            throw new IllegalArgumentException("step interval " + stepInterval + ", " + ranges.size() + " ranges");
        }
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            if (r.order().number() != i + 1) {
                throw new IllegalArgumentException("ranges must be for orders 1, 2, … in turn");
            }
            if (i > 0 && (r.startPrice() > ranges.get(i - 1).startPrice() || r.floorPrice() > ranges.get(i - 1).floorPrice())) {
                throw new IllegalArgumentException("the range of order " + r.order().number() + " is above the earlier order's");
            }
        }
    }

    public static DownAuction plan(DistributionOrders orders, Instant opensAt, Duration stepInterval) {
        List<Range> ranges = new ArrayList<>();
        for (DistributionOrder o : orders.orders()) {
            long floor = Math.max(1, o.price() * FLOOR_PERCENT / 100);
            ranges.add(new Range(o, o.price(), floor, Math.max(1, (o.price() - floor) / STEPS)));
        }
        return new DownAuction(opensAt, stepInterval, ranges);
    }

    public Range range(int order) {
        if (order < 1 || order > ranges.size()) {
            throw new IllegalArgumentException("no order " + order);
        }
        return ranges.get(order - 1);
    }

    /** The current application amount of an order. */
    public long priceAt(int order, Instant at) {
        Range r = range(order);
        long steps = stepsAt(at);
        long maxSteps = (r.startPrice() - r.floorPrice()) / r.stepAmount() + 1;
        return steps >= maxSteps ? r.floorPrice() : Math.max(r.floorPrice(), r.startPrice() - r.stepAmount() * steps);
    }

    /** When the amount next steps down after {@code at}. */
    public Instant nextStepAt(Instant at) {
        return opensAt.plus(stepInterval.multipliedBy(stepsAt(at) + 1));
    }

    /** The state the screen shows for an order with {@code applications} so far, reception closing at {@code closesAt}. */
    public State state(int order, long applications, Instant at, Instant closesAt) {
        if (at.isBefore(opensAt)) {
            return State.NOT_OPEN;
        }
        if (applications >= range(order).order().ability()) {
            return State.SOLD_OUT;
        }
        return at.isBefore(closesAt) ? State.APPLYING : State.CLOSED;
    }

    private long stepsAt(Instant at) {
        if (at.isBefore(opensAt)) {
            return 0;
        }
        return Duration.between(opensAt, at).dividedBy(stepInterval);
    }
}
