package org.cascade.live.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One distribution order of an event (FIG. 18): 1 is primary (from the center, no delay), 2 is
 * secondary (relayed by primaries), and so on. Its price, how many terminals it can take, its
 * delay after the event starts, and how its applications are taken.
 */
public record DistributionOrder(int number, long price, long ability, Duration delay, ReceptionRule rule) {

    /**
     * How an order's applications are taken: by lottery, taking more applications than ability and
     * drawing at closing; or first come, reception closing when the order is full.
     */
    public enum ReceptionRule { LOTTERY, CLOSES_WHEN_FULL }

    public DistributionOrder {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(rule, "rule");
        if (number < 1 || price < 1 || ability < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("order " + number + ", " + price + " yen, ability " + ability + ", delay " + delay);
        }
    }

    public boolean isPrimary() {
        return number == 1;
    }

    public boolean byLottery() {
        return rule == ReceptionRule.LOTTERY;
    }
}
