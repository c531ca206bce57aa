package org.cascade.live.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;

/**
 * An event's checkpoints and the revisions applied at them, so a scheduler (driven by a clock it
 * is given, and restarted at will) can ask what is due and can never apply a checkpoint twice.
 * Checkpoints that fell before reception opened do not apply: the reference price set at opening
 * already saw those ranks. Not thread-safe: its owner serialises the calls (one transaction).
 */
public final class CheckpointLog {

    private final Instant eventTime;
    private final Instant receptionOpenedAt;
    private final LiveTerms base;
    private final Map<Checkpoint, PriceRevision> applied = new EnumMap<>(Checkpoint.class);
    private final Set<Checkpoint> appliedBefore = EnumSet.noneOf(Checkpoint.class);
    private LiveTerms current;

    public CheckpointLog(Instant eventTime, Instant receptionOpenedAt, LiveTerms base, LiveTerms current) {
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.receptionOpenedAt = Objects.requireNonNull(receptionOpenedAt, "receptionOpenedAt");
        this.base = Objects.requireNonNull(base, "base");
        this.current = Objects.requireNonNull(current, "current");
        if (!receptionOpenedAt.isBefore(eventTime)) {
            throw new IllegalArgumentException("reception opens at " + receptionOpenedAt + ", after the event at " + eventTime);
        }
    }

    /** Reloads a log: the revisions already applied, in any order; the current terms are the last one's. */
    public static CheckpointLog restore(Instant eventTime, Instant receptionOpenedAt, LiveTerms base, LiveTerms atOpening,
                                        List<PriceRevision> revisions) {
        CheckpointLog log = new CheckpointLog(eventTime, receptionOpenedAt, base, atOpening);
        revisions.stream().sorted(java.util.Comparator.comparing(PriceRevision::evaluatedAt)).forEach(log::apply);
        return log;
    }

    /**
     * Reloads a log from the checkpoints already applied (kept as records of their own) and the
     * terms in force after them; {@link #revisions()} then lists only those applied since.
     */
    public static CheckpointLog resume(Instant eventTime, Instant receptionOpenedAt, LiveTerms base, LiveTerms current,
                                       Set<Checkpoint> appliedBefore) {
        CheckpointLog log = new CheckpointLog(eventTime, receptionOpenedAt, base, current);
        log.appliedBefore.addAll(appliedBefore);
        return log;
    }

    /** The checkpoints due at {@code now}, earliest first, that apply to this event and were not applied. */
    public List<Checkpoint> due(Instant now) {
        return Checkpoint.due(eventTime, now, applied()).stream().filter(this::applies).toList();
    }

    /** The next instant a checkpoint falls due after {@code now}. */
    public Optional<Instant> nextAt(Instant now) {
        Instant from = now.isBefore(receptionOpenedAt) ? receptionOpenedAt : now;
        return Checkpoint.nextAfter(eventTime, from);
    }

    /** Computes the revision of a due checkpoint from today's ranks, without applying it. */
    public PriceRevision evaluate(Checkpoint checkpoint, Instant now, DemandDegree demand, DistributionDegree ability) {
        return PriceRevision.at(checkpoint, eventTime, now, base, current, demand, ability);
    }

    /**
     * Applies a revision and makes its terms current. Refused when its checkpoint was applied
     * already, does not apply to this event, or the revision was computed from other terms than
     * the current ones (it is stale).
     */
    public void apply(PriceRevision revision) {
        Checkpoint checkpoint = revision.checkpoint();
        if (applied.containsKey(checkpoint) || appliedBefore.contains(checkpoint)) {
            throw new RuleViolation("live.checkpoint.applied", checkpoint.daysBefore());
        }
        if (!applies(checkpoint) || !checkpoint.isDue(eventTime, revision.evaluatedAt())) {
            throw new IllegalArgumentException(checkpoint + " does not apply at " + revision.evaluatedAt());
        }
        if (!revision.before().equals(current)) {
            throw new IllegalArgumentException("revision computed from " + revision.before() + ", terms are " + current);
        }
        applied.put(checkpoint, revision);
        current = revision.after();
    }

    public LiveTerms current() {
        return current;
    }

    public Set<Checkpoint> applied() {
        Set<Checkpoint> all = EnumSet.copyOf(appliedBefore);
        all.addAll(applied.keySet());
        return all;
    }

    public List<PriceRevision> revisions() {
        return List.copyOf(applied.values());
    }

    private boolean applies(Checkpoint checkpoint) {
        return checkpoint.at(eventTime).isAfter(receptionOpenedAt);
    }
}
