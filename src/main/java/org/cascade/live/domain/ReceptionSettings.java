package org.cascade.live.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * How the sponsor opens applications for an event (FIG. 18/19/20A/23): sold at fixed prices per
 * order, lottery orders drawn when their reception closes, or by down auction, the amount falling
 * one step every {@code auctionStep}; the edit patterns applicants may designate and the share
 * below which one is folded into the sponsor's edit; how many primary applicants must gather
 * before they are charged (S802); and the refund per relayed segment.
 *
 * <p>Refused: a lottery closing that is not after the opening or is after the start, a down
 * auction step outside {@link #MIN_STEP} … {@link #MAX_STEP}, a set count below one or above the
 * primary order's ability, more designations than {@value #MAX_PATTERNS} or one longer than
 * {@value #MAX_PATTERN_LENGTH} characters or with a control character, and a refund above the
 * price of the last order (a refund never exceeds what was paid).
 */
public record ReceptionSettings(SaleMode mode, Instant lotteryClosesAt, Duration auctionStep, EditPatterns patterns,
                                int primarySetCount, long refundPerSegment) {

    public enum SaleMode { FIXED_PRICES, DOWN_AUCTION }

    public static final Duration MIN_STEP = Duration.ofMinutes(1);
    public static final Duration MAX_STEP = Duration.ofDays(7);
    public static final int MAX_PATTERNS = 16;
    public static final int MAX_PATTERN_LENGTH = 64;

    public ReceptionSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(patterns, "patterns");
        if (mode == SaleMode.FIXED_PRICES) {
            Objects.requireNonNull(lotteryClosesAt, "lotteryClosesAt");
            auctionStep = null;
        } else {
            Objects.requireNonNull(auctionStep, "auctionStep");
            lotteryClosesAt = null;
            if (auctionStep.compareTo(MIN_STEP) < 0 || auctionStep.compareTo(MAX_STEP) > 0) {
                throw new RuleViolation("live.reception.step", MIN_STEP.toMinutes(), MAX_STEP.toDays());
            }
        }
        if (patterns.patterns().stream().anyMatch(p -> p.length() > MAX_PATTERN_LENGTH || p.chars().anyMatch(Character::isISOControl))) {
            throw new RuleViolation("live.reception.patternName", MAX_PATTERN_LENGTH);
        }
        if (patterns.patterns().size() > MAX_PATTERNS + 1) {
            throw new RuleViolation("live.reception.patterns", MAX_PATTERNS);
        }
        if (refundPerSegment < 0) {
            throw new RuleViolation("live.reception.refund");
        }
    }

    /** Checks the settings against the event they open, at {@code now}; see the class comment. */
    void checkAgainst(Instant now, Instant startsAt, DistributionOrders orders) {
        if (mode == SaleMode.FIXED_PRICES && (!lotteryClosesAt.isAfter(now) || lotteryClosesAt.isAfter(startsAt))) {
            throw new RuleViolation("live.reception.closing");
        }
        long primary = orders.order(1).orElseThrow().ability();
        if (primarySetCount < 1 || primarySetCount > primary) {
            throw new RuleViolation("live.reception.setCount", primary);
        }
        long cheapest = orders.orders().get(orders.count() - 1).price();
        if (refundPerSegment > cheapest) {
            throw new RuleViolation("live.reception.refund");
        }
    }
}
