package org.cascade.live.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The remaining days before an event at which the center re-evaluates demand against ability and
 * revises the terms (spec, before FIG. 22: 90, 30, 7 and one day before). A checkpoint is due from
 * its instant until the event starts; once the event has started none is due, since the price of
 * a running event is no longer sold.
 */
public enum Checkpoint {
    DAYS_90(90), DAYS_30(30), DAYS_7(7), DAYS_1(1);

    private final int daysBefore;

    Checkpoint(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    public int daysBefore() {
        return daysBefore;
    }

    /** The instant of this checkpoint for an event starting at {@code eventTime}. */
    public Instant at(Instant eventTime) {
        return eventTime.minus(Duration.ofDays(daysBefore));
    }

    public boolean isDue(Instant eventTime, Instant now) {
        return !now.isBefore(at(eventTime)) && now.isBefore(eventTime);
    }

    /**
     * The checkpoints due at {@code now} and not yet applied, earliest first. After a center that
     * was down for a while, several may be due at once; applying them in this order gives the same
     * end terms as applying the latest, since the terms follow the ranks.
     */
    public static List<Checkpoint> due(Instant eventTime, Instant now, Set<Checkpoint> applied) {
        return Arrays.stream(values()).filter(c -> c.isDue(eventTime, now) && !applied.contains(c)).toList();
    }

    /** When the next checkpoint after {@code now} falls, for a scheduler to wait until; empty when none is left. */
    public static Optional<Instant> nextAfter(Instant eventTime, Instant now) {
        return Arrays.stream(values()).map(c -> c.at(eventTime)).filter(t -> t.isAfter(now) && t.isBefore(eventTime))
                .findFirst();
    }
}
