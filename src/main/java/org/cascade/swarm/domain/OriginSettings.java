package org.cascade.swarm.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The center's own distribution ability as the operator sets it: the most the origin uploads in
 * all, and for any one content, in bytes per second (0 = no cap). One row.
 */
@Entity
public class OriginSettings {

    public static final long ID = 1;
    /** A cap below this could not send one piece in a reasonable time. */
    public static final long MIN_CAP = 16 * 1024;

    @Id
    private long id = ID;

    private long totalBytesPerSecond;

    private long perContentBytesPerSecond;

    @Version
    private long revision;

    public OriginSettings() {
    }

    /** Changes the caps; each is 0 (none) or at least {@link #MIN_CAP}, and a content's cap is no more than the total. */
    public void change(long total, long perContent) {
        for (long cap : new long[] {total, perContent}) {
            if (cap != 0 && cap < MIN_CAP) {
                throw new org.cascade.platform.domain.RuleViolation("origin.cap.small", MIN_CAP / 1024);
            }
        }
        if (total > 0 && perContent > total) {
            throw new org.cascade.platform.domain.RuleViolation("origin.cap.order");
        }
        this.totalBytesPerSecond = total;
        this.perContentBytesPerSecond = perContent;
    }

    public long totalBytesPerSecond() {
        return totalBytesPerSecond;
    }

    public long perContentBytesPerSecond() {
        return perContentBytesPerSecond;
    }
}
