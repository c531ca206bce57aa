package org.cascade.catalog.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of the contents list: what a user sees of a listed content there (name, summary,
 * writer, genre, price, rating) and what the list is searched and sorted on. {@code revision} is
 * the content's version, so that a late copy never replaces a newer one.
 */
public record ListEntry(String id, long revision, boolean listed, String name, String summary, String writer,
                        Genre genre, long unitCost, Instant listedAt, long receptions, long ratingTenths, long ratingCount,
                        String searchText) {

    /** Separates the fields in {@link #searchText}; no word searched for contains it. */
    private static final char FIELD_SEPARATOR = '\u0000';

    public static ListEntry of(Content c) {
        return of(c.id(), c.revision(), c.listed(), c.name(), c.summary(), c.writer() == null ? null : c.writer().name(),
                c.genre(), c.unitCost(), c.listedAt(), c.receptions(), c.averageRatingTenths(), c.ratingCount());
    }

    public static ListEntry of(String id, long revision, boolean listed, String name, String summary, String writer,
                               Genre genre, long unitCost, Instant listedAt, long receptions, long ratingTenths, long ratingCount) {
        String n = name == null ? "" : name;
        String s = summary == null ? "" : summary;
        String w = writer == null ? "" : writer;
        return new ListEntry(id, revision, listed, n, s, w, genre, unitCost, listedAt == null ? Instant.EPOCH : listedAt,
                receptions, ratingTenths, ratingCount, (n + FIELD_SEPARATOR + s + FIELD_SEPARATOR + w).toLowerCase(Locale.ROOT));
    }

    /** The average rating in tenths (42 = 4.2), or 0 without ratings. */
    public long averageRatingTenths() {
        return ratingTenths;
    }

    /** Whether the content matches the words (already in lower case), genre and price range asked for. */
    boolean matches(ListQuery q, String lowerText) {
        if (q.genre() != null && genre != q.genre()) {
            return false;
        }
        if (q.minPrice() != null && unitCost < q.minPrice() || q.maxPrice() != null && unitCost > q.maxPrice()) {
            return false;
        }
        return lowerText == null || lowerText.indexOf(FIELD_SEPARATOR) < 0 && searchText.contains(lowerText);
    }
}
