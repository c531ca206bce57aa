package org.cascade.swarm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * The pieces of one content that one distributing media sent and that failed verification at
 * their receivers. At {@link #LIMIT} the distributor is cut off for that content: its links for it
 * are closed and it is never chosen again to send it.
 */
@Entity
@Table(name = "DISTRIBUTOR_STRIKES")
@IdClass(DistributorStrikes.Key.class)
@NamedQuery(name = "DistributorStrikes.findCutOffSerialsByContent",
        query = "select s.serial from DistributorStrikes s where s.contentId = :content and s.cutOffAt is not null")
@NamedQuery(name = "DistributorStrikes.findCutOff",
        query = "select s from DistributorStrikes s where s.cutOffAt is not null order by s.cutOffAt desc")
public class DistributorStrikes {

    public static final int LIMIT = 3;

    /** The identity: one media, one content. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String serial;
        private String contentId;

        public Key() {
        }

        public Key(String serial, String contentId) {
            this.serial = serial;
            this.contentId = contentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(k.serial, serial) && java.util.Objects.equals(k.contentId, contentId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(serial, contentId);
        }
    }

    @Id
    @Column(length = 16)
    private String serial;

    @Id
    @Column(length = 40)
    private String contentId;

    private int failures;

    private Instant cutOffAt;

    @Version
    private long revision;

    protected DistributorStrikes() {
    }

    public DistributorStrikes(String serial, String contentId) {
        this.serial = serial;
        this.contentId = contentId;
    }

    /** One more piece failed; true when this one cut the distributor off. */
    public boolean failed(Instant now) {
        failures++;
        if (failures >= LIMIT && cutOffAt == null) {
            cutOffAt = now;
            return true;
        }
        return false;
    }

    public boolean cutOff() {
        return cutOffAt != null;
    }

    public String serial() {
        return serial;
    }

    public String contentId() {
        return contentId;
    }

    public int failures() {
        return failures;
    }

    public Instant cutOffAt() {
        return cutOffAt;
    }
}
