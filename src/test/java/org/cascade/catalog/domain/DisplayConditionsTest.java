package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisplayConditionsTest {

    @Test
    void defaultsAreNoLikedGenresNewestAndTwentyPerPage() {
        DisplayConditions d = new DisplayConditions("SERIAL0001");

        assertTrue(d.likedGenres().isEmpty());
        assertEquals(ListSort.NEWEST, d.sort());
        assertEquals(20, d.pageSize());
    }

    @Test
    void changeRoundTripsLikedGenresSortAndPageSize() {
        DisplayConditions d = new DisplayConditions("SERIAL0001");

        d.change(EnumSet.of(Genre.MUSIC, Genre.ANIME, Genre.SPORTS), ListSort.RATING, 50);

        assertEquals(EnumSet.of(Genre.MUSIC, Genre.ANIME, Genre.SPORTS), d.likedGenres());
        assertEquals(ListSort.RATING, d.sort());
        assertEquals(50, d.pageSize());
    }

    @Test
    void everySupportedPageSizeIsKept() {
        for (int size : DisplayConditions.PAGE_SIZES) {
            DisplayConditions d = new DisplayConditions("SERIAL0001");
            d.change(Set.of(), ListSort.PRICE_LOW, size);
            assertEquals(size, d.pageSize());
        }
    }

    @Test
    void changingBackToNoLikedGenresEmptiesTheSet() {
        DisplayConditions d = new DisplayConditions("SERIAL0001");
        d.change(Set.of(Genre.BOOK), ListSort.POPULAR, 10);

        d.change(Set.of(), ListSort.POPULAR, 10);

        assertTrue(d.likedGenres().isEmpty());
    }

    @Test
    void unsupportedPageSizeFallsBackToTwenty() {
        DisplayConditions d = new DisplayConditions("SERIAL0001");

        d.change(Set.of(Genre.MOVIE), ListSort.POPULAR, 30);
        assertEquals(20, d.pageSize());

        d.change(Set.of(Genre.MOVIE), ListSort.POPULAR, 0);
        assertEquals(20, d.pageSize());

        d.change(Set.of(Genre.MOVIE), ListSort.POPULAR, -10);
        assertEquals(20, d.pageSize());
        assertEquals(ListSort.POPULAR, d.sort());
    }
}
