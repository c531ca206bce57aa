package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.BitSet;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * What went over one live relay link, as both ends reported it (FIG. 26 T8, the history of
 * secondary and later distributions): the segments the relay says it sent the receiver and those
 * the receiver says it verified from that relay. Only the segments both reported count
 * ({@link #matched()}), as in the swarm's history matching: a relay cannot earn by claiming, nor a
 * receiver deny what it played. A segment number is 0 to {@value #MAX_SEGMENTS} − 1; reporting one
 * twice changes nothing.
 */
@Entity
@Table(name = "LIVE_RELAY_REPORT")
@NamedQuery(name = "RelayReport.findByEvent", query = "select r from RelayReport r where r.eventId = :event order by r.id")
public class RelayReport {

    /** A day of one-second segments; the bitfields stay within a column. */
    public static final int MAX_SEGMENTS = 86_400;

    @Id
    @Column(length = 80)
    private String id;

    @Column(nullable = false, length = 16)
    private String eventId;

    @Column(nullable = false, length = 24)
    private String relay;

    @Column(nullable = false, length = 24)
    private String receiver;

    /** Base64 of the bitfield of segments sent; up to MAX_SEGMENTS bits. */
    @Column(nullable = false, length = 16_000)
    private String sent = "";

    @Column(nullable = false, length = 16_000)
    private String received = "";

    protected RelayReport() {
    }

    public RelayReport(String eventId, String relay, String receiver) {
        if (Objects.requireNonNull(relay, "relay").equals(Objects.requireNonNull(receiver, "receiver"))) {
            throw new IllegalArgumentException("a terminal does not relay to itself: " + relay);
        }
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.relay = relay;
        this.receiver = receiver;
        this.id = key(eventId, relay, receiver);
    }

    public static String key(String eventId, String relay, String receiver) {
        return eventId + "/" + relay + "/" + receiver;
    }

    /** The relay's report of segments it sent; refused for a segment number out of range. */
    public void sent(Collection<Long> segments) {
        sent = merge(sent, segments);
    }

    /** The receiver's report of segments it verified from this relay. */
    public void received(Collection<Long> segments) {
        received = merge(received, segments);
    }

    /** Segments both ends reported. */
    public long matched() {
        BitSet both = bits(sent);
        both.and(bits(received));
        return both.cardinality();
    }

    /** Segments one end reported and the other did not: a history mismatch. */
    public long mismatched() {
        BitSet either = bits(sent);
        either.xor(bits(received));
        return either.cardinality();
    }

    public String relay() {
        return relay;
    }

    public String receiver() {
        return receiver;
    }

    private static String merge(String field, Collection<Long> segments) {
        BitSet b = bits(field);
        for (long s : segments) {
            if (s < 0 || s >= MAX_SEGMENTS) {
                throw new RuleViolation("live.report.segment", s);
            }
            b.set((int) s);
        }
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    private static BitSet bits(String field) {
        return BitSet.valueOf(Base64.getDecoder().decode(field));
    }
}
