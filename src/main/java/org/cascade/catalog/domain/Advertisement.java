package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/** A period of advertising a holder paid for: a preferential list position or a banner, from one instant to another. */
@Entity
@Table(name = "ADVERTISEMENT")
@NamedQuery(name = "Advertisement.findActive",
        query = "select a from Advertisement a where a.kind = :kind and a.startsAt <= :now and a.endsAt > :now order by a.id")
@NamedQuery(name = "Advertisement.findByHolder", query = "select a from Advertisement a where a.holder = :holder order by a.id desc")
public class Advertisement {

    public static final int MAX_DAYS = 90;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 16)
    private String contentId;

    @Column(nullable = false, length = 32)
    private String holder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AdvertisementKind kind;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    private long fee;

    private Long transactionId;

    protected Advertisement() {
    }

    public Advertisement(Content content, AdvertisementKind kind, Instant startsAt, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new RuleViolation("ad.days.range", MAX_DAYS);
        }
        if (!content.listed()) {
            throw new RuleViolation("ad.content.notListed", content.name());
        }
        if (kind == AdvertisementKind.BANNER && content.promotionType() == null) {
            throw new RuleViolation("ad.banner.noImage", content.name());
        }
        this.contentId = content.id();
        this.holder = content.holder();
        this.kind = kind;
        this.startsAt = startsAt;
        this.endsAt = startsAt.plus(java.time.Duration.ofDays(days));
        this.fee = Math.multiplyExact(kind.yenPerDay(), days);
    }

    public void paidBy(long transactionId) {
        this.transactionId = transactionId;
    }

    public Long transactionId() {
        return transactionId;
    }

    public Long id() {
        return id;
    }

    public String contentId() {
        return contentId;
    }

    public String holder() {
        return holder;
    }

    public AdvertisementKind kind() {
        return kind;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public long fee() {
        return fee;
    }
}
