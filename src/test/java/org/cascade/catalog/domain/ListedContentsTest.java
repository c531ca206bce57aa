package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListedContentsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Content "C<n>", listed n minutes after T0 (so a higher n is newer). */
    private static ListEntry entry(int n, Genre genre, long cost, long receptions, long ratingTenths, long ratingCount) {
        return new ListEntry("C" + n, 1, true, "name " + n, "summary " + n, "writer " + n, genre, cost,
                T0.plusSeconds(60L * n), receptions, ratingTenths, ratingCount);
    }

    private static ListQuery query(ListSort sort, Set<Genre> liked, Set<String> sponsored, int page, int size) {
        return new ListQuery(null, null, null, null, sort, liked, sponsored, page, size);
    }

    private static ListedContents fifty() {
        ListedContents list = new ListedContents();
        for (int n = 1; n <= 50; n++) {
            list.put(entry(n, n % 5 == 0 ? Genre.MUSIC : Genre.MOVIE, 100L * (n % 7 + 1), n % 4, n % 3 * 10, n % 6));
        }
        return list;
    }

    @Test
    void newestFirstAcrossPagesWithTheTotal() {
        ListedContents list = fifty();
        ListedContents.Arranged first = list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 0, 20));
        assertEquals(50, first.total());
        assertEquals("C50", first.ids().get(0));
        assertEquals("C31", first.ids().get(19));
        ListedContents.Arranged last = list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 2, 20));
        assertEquals(List.of("C10", "C9", "C8", "C7", "C6", "C5", "C4", "C3", "C2", "C1"), last.ids());
        assertEquals(List.of(), list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 3, 20)).ids());
    }

    @Test
    void sponsoredThenLikedGenresThenTheRestEachInTheChosenOrder() {
        ListedContents list = fifty();
        Set<Genre> liked = EnumSet.of(Genre.MUSIC);
        ListQuery q = query(ListSort.NEWEST, liked, Set.of("C3", "C40"), 0, 50);
        List<String> ids = list.arrange(q).ids();
        List<String> expected = new ArrayList<>(List.of("C40", "C3"));
        for (int n = 50; n >= 1; n--) {
            if (n % 5 == 0 && n != 40) {
                expected.add("C" + n);
            }
        }
        for (int n = 50; n >= 1; n--) {
            if (n % 5 != 0 && n != 3) {
                expected.add("C" + n);
            }
        }
        assertEquals(expected, ids);
        // A page cut across the segments: positions 8 to 15 of the same arrangement.
        assertEquals(expected.subList(8, 16), list.arrange(query(ListSort.NEWEST, liked, Set.of("C3", "C40"), 1, 8)).ids());
        assertEquals(50, list.arrange(q).total());
    }

    @Test
    void eachSortOrdersAsItSays() {
        ListedContents list = new ListedContents();
        list.put(entry(1, Genre.MUSIC, 300, 5, 40, 2));
        list.put(entry(2, Genre.MUSIC, 100, 9, 40, 7));
        list.put(entry(3, Genre.MUSIC, 100, 5, 50, 1));
        list.put(entry(4, Genre.MUSIC, 200, 0, 0, 0));
        assertEquals(List.of("C2", "C3", "C1", "C4"), list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10)).ids());
        assertEquals(List.of("C3", "C2", "C1", "C4"), list.arrange(query(ListSort.RATING, Set.of(), Set.of(), 0, 10)).ids());
        assertEquals(List.of("C3", "C2", "C4", "C1"), list.arrange(query(ListSort.PRICE_LOW, Set.of(), Set.of(), 0, 10)).ids());
        assertEquals(List.of("C4", "C3", "C2", "C1"), list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 0, 10)).ids());
    }

    @Test
    void searchMatchesWordsInNameSummaryOrWriterAndFiltersGenreAndPrice() {
        ListedContents list = new ListedContents();
        list.put(new ListEntry("A", 1, true, "amber light", "", "aoi", Genre.MUSIC, 500, T0, 0, 0, 0));
        list.put(new ListEntry("B", 1, true, "blue", "the amber hour", "ken", Genre.MUSIC, 1500, T0.plusSeconds(1), 0, 0, 0));
        list.put(new ListEntry("C", 1, true, "cold", "", "amber & co", Genre.MOVIE, 800, T0.plusSeconds(2), 0, 0, 0));
        list.put(new ListEntry("D", 1, true, "50%_off", "", "x", Genre.MUSIC, 100, T0.plusSeconds(3), 0, 0, 0));
        assertEquals(List.of("C", "B", "A"), list.arrange(new ListQuery(" AMBER ", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10)).ids());
        assertEquals(List.of("B", "A"), list.arrange(new ListQuery("amber", Genre.MUSIC, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10)).ids());
        ListedContents.Arranged priced = list.arrange(new ListQuery("amber", null, 600L, 1500L, ListSort.NEWEST, Set.of(), Set.of(), 0, 10));
        assertEquals(List.of("C", "B"), priced.ids());
        assertEquals(2, priced.total());
        // Wildcards of SQL are plain characters here.
        assertEquals(List.of("D"), list.arrange(new ListQuery("%_", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10)).ids());
    }

    @Test
    void aNewerRevisionReplacesAnOlderOneNeverTheOtherWayRound() {
        ListedContents list = new ListedContents();
        list.put(entry(1, Genre.MUSIC, 100, 0, 0, 0));
        list.put(entry(2, Genre.MUSIC, 100, 0, 0, 0));
        assertEquals(List.of("C2", "C1"), list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10)).ids());
        // C1 received twice (revision 3), then a late copy of revision 2 arrives.
        list.put(new ListEntry("C1", 3, true, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 2, 0, 0));
        list.put(new ListEntry("C1", 2, true, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 1, 0, 0));
        assertEquals(List.of("C1", "C2"), list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10)).ids());
        // No longer listed: gone from the list and the total.
        list.put(new ListEntry("C1", 4, false, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 2, 0, 0));
        ListedContents.Arranged after = list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10));
        assertEquals(List.of("C2"), after.ids());
        assertEquals(1, after.total());
        assertEquals(1, list.size());
    }

    @Test
    void bestHitsAreTheMostReceivedOfTheGenres() {
        ListedContents list = fifty();
        // Receptions are n % 4: 3 for C3, C7, ..., C47; the newest of them first.
        assertEquals(List.of("C47", "C43", "C39"), list.bestHits(Set.of(), 3));
        assertEquals(List.of("C35", "C15", "C50"), list.bestHits(EnumSet.of(Genre.MUSIC), 3));
    }
}
