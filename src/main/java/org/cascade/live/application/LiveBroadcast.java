package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.live.domain.LiveSegment;
import org.cascade.live.infrastructure.SegmentFiles;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;

/**
 * An event on air: the sponsor's browser publishes each edit pattern's stream as numbered
 * segments, the center keeps them (record and file, in one transaction) and hands them to the
 * event's viewers once their order's delay has passed since the center received them.
 */
@ApplicationScoped
@Transactional
public class LiveBroadcast {

    /** The most segments one request lists; a viewer asks again for the rest. */
    public static final int PAGE = 30;

    @Inject
    LiveEventRepository events;

    @Inject
    LiveApplications applications;

    @Inject
    SegmentFiles files;

    @Inject
    LiveCascade cascade;

    @Inject
    Clock clock;

    /**
     * Publishes one segment. Refused: a publisher that is not the event's sponsor, an event not
     * taking applications, a pattern the sponsor did not define, a segment out of order, empty
     * or too large ({@link LiveSegment}).
     */
    public LiveSegment publish(@NotBlank String holder, @NotBlank String eventId, String pattern, @Min(0) long seq,
                               @NotNull byte[] bytes) {
        LiveEvent event = events.lock(eventId).orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        if (!event.holder().equals(holder)) {
            throw new Forbidden();
        }
        if (!event.receptionOpen()) {
            throw new NotFound("live.event.unknown", eventId);
        }
        String designation = event.patterns().designation(pattern);
        LiveSegment segment = LiveSegment.after(events.lastSegment(eventId, designation).orElse(null), eventId, designation,
                seq, bytes.length, sha256(bytes), clock.instant());
        files.write(eventId, event.patterns().patterns().indexOf(designation), seq, bytes);
        events.add(segment);
        return segment;
    }

    /** The segments a viewer may have now, after {@code after}: those its order's delay has let through. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LiveSegment> segmentsFor(@NotBlank String serial, @NotBlank String eventId, @Min(-1) long after) {
        LiveApplications.Viewing v = applications.viewing(serial, eventId);
        Instant due = clock.instant().minus(v.delay());
        return events.segmentsAfter(eventId, v.pattern(), after, PAGE).stream()
                .filter(s -> !s.publishedAt().isAfter(due)).toList();
    }

    /** One segment's bytes, for a viewer whose order's delay has let it through. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] segmentBytes(@NotBlank String serial, @NotBlank String eventId, @Min(0) @Max(Long.MAX_VALUE) long seq) {
        LiveApplications.Viewing v = applications.viewing(serial, eventId);
        // A later order gets its bytes from the terminal relaying to it; the center serves it only when none can.
        if (cascade.fedByTerminal(eventId, v.application().id())) {
            throw new RuleViolation("live.air.relayed");
        }
        List<LiveSegment> due = segmentsFor(serial, eventId, seq - 1);
        if (due.isEmpty() || due.get(0).seq() != seq) {
            throw new NotFound("live.air.noSegment", seq);
        }
        LiveSegment s = due.get(0);
        LiveEvent event = events.find(eventId).orElseThrow();
        byte[] bytes = files.read(eventId, event.patterns().patterns().indexOf(s.pattern()), seq);
        cascade.servedByCenter(eventId, v.application().id(), bytes.length);
        return bytes;
    }

    /** The cascade of one of the sponsor's events now (FIG. 27): every charged place, who feeds it, the center's upload. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveCascade.Air air(@NotBlank String holder, @NotBlank String eventId) {
        LiveEvent event = events.find(eventId).filter(e -> e.holder().equals(holder))
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        return cascade.air(event.id(), events.applications(eventId).stream().filter(LiveApplication::isCharged).toList());
    }

    /** The same for the operator, of any event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveCascade.Air air(@NotBlank String eventId) {
        LiveEvent event = events.find(eventId).orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        return cascade.air(event.id(), events.applications(eventId).stream().filter(LiveApplication::isCharged).toList());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
