package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * One media segment of an event's stream as its sponsor published it: a slice of one edit
 * pattern's recording (segment 0 opens the stream and carries its header), its size, its SHA-256
 * (what every viewer checks the bytes against, whoever relayed them) and when the center
 * received it. Segments of a pattern come in order, one after the other: the next is
 * {@link #next()}; one out of order, empty or larger than {@value #MAX_BYTES} bytes is refused.
 */
@Entity
@Table(name = "LIVE_SEGMENT",
        uniqueConstraints = @UniqueConstraint(name = "LIVE_SEGMENT_ONCE", columnNames = {"EVENTID", "PATTERN", "SEQ"}))
@NamedQuery(name = "LiveSegment.findLast",
        query = "select s from LiveSegment s where s.eventId = :event and s.pattern = :pattern order by s.seq desc")
@NamedQuery(name = "LiveSegment.findAfter",
        query = "select s from LiveSegment s where s.eventId = :event and s.pattern = :pattern and s.seq > :after order by s.seq")
public class LiveSegment {

    /** A second of a few hundred kbit/s is tens of KiB; a segment this large is not a live slice. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(length = 120)
    private String id;

    @Column(nullable = false, length = 16)
    private String eventId;

    @Column(nullable = false, length = 64)
    private String pattern;

    private long seq;

    private int size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private Instant publishedAt;

    protected LiveSegment() {
    }

    /**
     * The segment that follows {@code last} (or the first, when there is none yet) of one pattern;
     * refused when it is not the one expected next, is empty, or too large.
     */
    public static LiveSegment after(LiveSegment last, String eventId, String pattern, long seq, int size, String sha256,
                                    Instant at) {
        long expected = last == null ? 0 : last.next();
        if (seq != expected) {
            throw new RuleViolation("live.air.order", seq, expected);
        }
        if (size < 1 || size > MAX_BYTES) {
            throw new RuleViolation("live.air.size", MAX_BYTES / 1024);
        }
        LiveSegment s = new LiveSegment();
        s.eventId = Objects.requireNonNull(eventId, "eventId");
        s.pattern = Objects.requireNonNull(pattern, "pattern");
        s.seq = seq;
        s.size = size;
        s.sha256 = Objects.requireNonNull(sha256, "sha256");
        s.publishedAt = Objects.requireNonNull(at, "at");
        s.id = eventId + "/" + pattern + "/" + seq;
        return s;
    }

    public long next() {
        return seq + 1;
    }

    public String eventId() {
        return eventId;
    }

    public String pattern() {
        return pattern;
    }

    public long seq() {
        return seq;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
