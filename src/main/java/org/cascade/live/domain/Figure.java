package org.cascade.live.domain;

import java.util.Objects;

/**
 * One input to a rank and where it came from: entered by the sponsor, or taken by the center from
 * its own records (downloads of the artist's contents, past reception counts). The holder page
 * shows the source next to the number, so a sponsor sees which figures are theirs.
 */
public record Figure(long value, Source source) {

    public enum Source { SPONSOR, CASCADE_RECORDS }

    public Figure {
        if (value < 0) {
            throw new IllegalArgumentException("a figure cannot be negative: " + value);
        }
        Objects.requireNonNull(source, "source");
    }

    public static Figure bySponsor(long value) {
        return new Figure(value, Source.SPONSOR);
    }

    public static Figure fromRecords(long value) {
        return new Figure(value, Source.CASCADE_RECORDS);
    }
}
