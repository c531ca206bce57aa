package org.cascade.live.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a checkpoint decided (FIG. 22): the ranks it saw, the terms before and after, which way
 * each term went, and the reason as a message key with the old and new price as arguments.
 * Computed by a pure function of the event time, the instant, the ranks and the terms, so the
 * same facts always give the same revision.
 */
public record PriceRevision(Checkpoint checkpoint, Instant evaluatedAt, RankBreakdown demand, RankBreakdown ability,
                            LiveTerms before, LiveTerms after) {

    /** Which way a term went; for the interval, {@code RAISED} is longer. */
    public enum Direction { RAISED, LOWERED, UNCHANGED }

    public PriceRevision {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(ability, "ability");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Re-evaluates the terms at a checkpoint: the terms the base terms give under today's ranks
     * ({@link LiveTerms#underRanks}). Refused when the checkpoint is not due at {@code now}.
     */
    public static PriceRevision at(Checkpoint checkpoint, Instant eventTime, Instant now, LiveTerms base,
                                   LiveTerms current, DemandDegree demand, DistributionDegree ability) {
        if (!checkpoint.isDue(eventTime, now)) {
            throw new IllegalArgumentException(checkpoint + " is not due at " + now + " for an event at " + eventTime);
        }
        RankBreakdown d = demand.breakdown();
        RankBreakdown a = ability.breakdown();
        return new PriceRevision(checkpoint, now, d, a, current, base.underRanks(d.rank(), a.rank()));
    }

    public Direction price() {
        return direction(Long.compare(after.price(), before.price()));
    }

    public Direction redistributors() {
        return direction(Integer.compare(after.redistributorsPerTerminal(), before.redistributorsPerTerminal()));
    }

    public Direction interval() {
        return direction(after.redistributionInterval().compareTo(before.redistributionInterval()));
    }

    public boolean changesAnything() {
        return !before.equals(after);
    }

    /** Demand above ability raises, below lowers, balanced holds; the page adds the ranks and prices. */
    public String reasonKey() {
        int pressure = Rank.pressure(demand.rank(), ability.rank());
        return pressure > 0 ? "live.revision.raise" : pressure < 0 ? "live.revision.lower" : "live.revision.hold";
    }

    /** Arguments of {@link #reasonKey()}: the price before and after. */
    public Object[] reasonArguments() {
        return new Object[] {before.price(), after.price()};
    }

    private static Direction direction(int comparison) {
        return comparison > 0 ? Direction.RAISED : comparison < 0 ? Direction.LOWERED : Direction.UNCHANGED;
    }
}
