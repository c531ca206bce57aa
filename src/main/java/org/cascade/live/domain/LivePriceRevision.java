package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint as it was applied to an event (FIG. 22): the ranks it saw, the terms before and
 * after, and whether the revision was held back because charged applicants had paid for the
 * terms it would have changed. One row per event and checkpoint (its id), so a checkpoint that
 * fires again, after a restart or on two servers, cannot be applied twice.
 */
@Entity
@Table(name = "LIVE_PRICE_REVISION")
@NamedQuery(name = "LivePriceRevision.findByEvent",
        query = "select r from LivePriceRevision r where r.eventId = :event order by r.evaluatedAt")
public class LivePriceRevision {

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 16)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Checkpoint checkpoint;

    @Column(nullable = false)
    private Instant evaluatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Rank demandRank;

    private int demandProduct;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Rank abilityRank;

    private int abilityProduct;

    private long priceBefore;

    private long priceAfter;

    private int redistributorsBefore;

    private int redistributorsAfter;

    private long intervalBeforeSeconds;

    private long intervalAfterSeconds;

    /** True when charged applications kept the terms as they were. */
    private boolean held;

    protected LivePriceRevision() {
    }

    public LivePriceRevision(String eventId, PriceRevision r, boolean held) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.id = eventId + "-" + r.checkpoint().daysBefore();
        this.checkpoint = r.checkpoint();
        this.evaluatedAt = r.evaluatedAt();
        this.demandRank = r.demand().rank();
        this.demandProduct = r.demand().product();
        this.abilityRank = r.ability().rank();
        this.abilityProduct = r.ability().product();
        this.priceBefore = r.before().price();
        this.priceAfter = r.after().price();
        this.redistributorsBefore = r.before().redistributorsPerTerminal();
        this.redistributorsAfter = r.after().redistributorsPerTerminal();
        this.intervalBeforeSeconds = r.before().redistributionInterval().toSeconds();
        this.intervalAfterSeconds = r.after().redistributionInterval().toSeconds();
        this.held = held;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    public Rank demandRank() {
        return demandRank;
    }

    public int demandProduct() {
        return demandProduct;
    }

    public Rank abilityRank() {
        return abilityRank;
    }

    public int abilityProduct() {
        return abilityProduct;
    }

    public LiveTerms before() {
        return new LiveTerms(priceBefore, redistributorsBefore, Duration.ofSeconds(intervalBeforeSeconds));
    }

    public LiveTerms after() {
        return new LiveTerms(priceAfter, redistributorsAfter, Duration.ofSeconds(intervalAfterSeconds));
    }

    public boolean held() {
        return held;
    }

    /** Which way the price went, as applied (a held revision changed nothing). */
    public PriceRevision.Direction direction() {
        int c = held ? 0 : Long.compare(priceAfter, priceBefore);
        return c > 0 ? PriceRevision.Direction.RAISED : c < 0 ? PriceRevision.Direction.LOWERED : PriceRevision.Direction.UNCHANGED;
    }
}
