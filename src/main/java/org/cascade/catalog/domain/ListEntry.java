package org.cascade.catalog.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * What the contents list needs to know of one content to find, arrange and count it: its words
 * (in lower case, for searching), genre, price and the figures it sorts on. {@code revision} is
 * the content's version, so that a late copy never replaces a newer one.
 */
public record ListEntry(String id, long revision, boolean listed, String name, String summary, String writer,
                        Genre genre, long unitCost, Instant listedAt, long receptions, long ratingTenths, long ratingCount) {

    public static ListEntry of(Content c) {
        return new ListEntry(c.id(), c.revision(), c.listed(), lower(c.name()), lower(c.summary()),
                lower(c.writer() == null ? null : c.writer().name()), c.genre(), c.unitCost(),
                c.listedAt() == null ? Instant.EPOCH : c.listedAt(), c.receptions(), c.averageRatingTenths(), c.ratingCount());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** Whether the content matches the words, genre and price range asked for. */
    boolean matches(ListQuery q, String lowerText) {
        if (q.genre() != null && genre != q.genre()) {
            return false;
        }
        if (q.minPrice() != null && unitCost < q.minPrice() || q.maxPrice() != null && unitCost > q.maxPrice()) {
            return false;
        }
        return lowerText == null || name.contains(lowerText) || summary.contains(lowerText) || writer.contains(lowerText);
    }
}
