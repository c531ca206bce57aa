package org.cascade.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A terminal presented an older copy of a media than the center had handed it: kept for the operator. */
@Entity
@Table(name = "ROLLBACK_ATTEMPT")
@NamedQuery(name = "RollbackAttempt.findRecent", query = "select r from RollbackAttempt r order by r.id desc")
public class RollbackAttempt {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 16)
    private String serial;

    private long presentedVersion;

    private long deliveredVersion;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;

    @Column(length = 64)
    private String address;

    protected RollbackAttempt() {
    }

    public RollbackAttempt(String serial, long presentedVersion, long deliveredVersion, Instant at, String address) {
        this.serial = serial;
        this.presentedVersion = presentedVersion;
        this.deliveredVersion = deliveredVersion;
        this.at = at;
        this.address = address == null ? null : address.substring(0, Math.min(64, address.length()));
    }

    public String serial() {
        return serial;
    }

    public long presentedVersion() {
        return presentedVersion;
    }

    public long deliveredVersion() {
        return deliveredVersion;
    }

    public Instant at() {
        return at;
    }

    public String address() {
        return address;
    }
}
