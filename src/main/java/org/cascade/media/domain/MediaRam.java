package org.cascade.media.domain;

import java.time.Instant;
import java.util.List;

/**
 * The RAM area of a storage media (FIG. 5): the prepaid balance, the version counter and the
 * last accounting lines, re-signed by the center after every posting on the media's account.
 */
public record MediaRam(String serial, String issuer, long version, long balance, Instant writtenAt, List<Line> lastRecords) {

    /** One FIG. 12A line as carried on the media. */
    public record Line(long eventId, Instant at, String reason, long amount, long balance, String partner) {
    }
}
