package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A refused act on an event on air, kept for the sponsor and the operator: a publication by
 * someone who is not the sponsor, a segment out of order or too large. Who tried, what, and why.
 */
@Entity
@Table(name = "LIVE_REFUSAL")
@NamedQuery(name = "LiveRefusal.findByEvent", query = "select r from LiveRefusal r where r.eventId = :event order by r.refusedAt desc, r.id desc")
public class LiveRefusal {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 16)
    private String eventId;

    @Column(nullable = false, length = 64)
    private String who;

    @Column(nullable = false, length = 64)
    private String act;

    @Column(nullable = false, length = 64)
    private String reasonKey;

    @Column(nullable = false)
    private Instant refusedAt;

    protected LiveRefusal() {
    }

    public LiveRefusal(String eventId, String who, String act, String reasonKey, Instant at) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.who = Objects.requireNonNull(who, "who");
        this.act = Objects.requireNonNull(act, "act");
        this.reasonKey = Objects.requireNonNull(reasonKey, "reasonKey");
        this.refusedAt = Objects.requireNonNull(at, "at");
    }

    public String who() {
        return who;
    }

    public String act() {
        return act;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Instant at() {
        return refusedAt;
    }
}
