package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/** One user's satisfaction with one content, 1 to 5; a user rates a content once and may change it. */
@Entity
@Table(name = "CONTENT_RATING", uniqueConstraints = @UniqueConstraint(columnNames = {"CONTENTID", "SERIAL"}))
@NamedQuery(name = "Rating.findByContentAndSerial",
        query = "select r from Rating r where r.contentId = :content and r.serial = :serial")
public class Rating {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "CONTENTID", nullable = false, length = 16)
    private String contentId;

    @Column(name = "SERIAL", nullable = false, length = 16)
    private String serial;

    private int stars;

    @Column(nullable = false)
    private Instant ratedAt;

    protected Rating() {
    }

    public Rating(String contentId, String serial, Instant now) {
        this.contentId = contentId;
        this.serial = serial;
        this.ratedAt = now;
    }

    /** Sets the stars; returns the previous ones (0 for a new rating). */
    public int give(int stars, Instant now) {
        if (stars < 1 || stars > 5) {
            throw new RuleViolation("rating.range");
        }
        int previous = this.stars;
        this.stars = stars;
        this.ratedAt = now;
        return previous;
    }

    public int stars() {
        return stars;
    }
}
