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
        return ListEntry.of("C" + n, 1, true, "name " + n, "summary " + n, "writer " + n, genre, cost,
                T0.plusSeconds(60L * n), receptions, ratingTenths, ratingCount);
    }

    private static List<String> ids(ListedContents.Arranged arranged) {
        return arranged.lines().stream().map(ListEntry::id).toList();
    }

    private static List<String> ids(List<ListEntry> lines) {
        return lines.stream().map(ListEntry::id).toList();
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
        assertEquals("C50", ids(first).get(0));
        assertEquals("C31", ids(first).get(19));
        ListedContents.Arranged last = list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 2, 20));
        assertEquals(List.of("C10", "C9", "C8", "C7", "C6", "C5", "C4", "C3", "C2", "C1"), ids(last));
        assertEquals(List.of(), ids(list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 3, 20))));
    }

    @Test
    void sponsoredThenLikedGenresThenTheRestEachInTheChosenOrder() {
        ListedContents list = fifty();
        Set<Genre> liked = EnumSet.of(Genre.MUSIC);
        ListQuery q = query(ListSort.NEWEST, liked, Set.of("C3", "C40"), 0, 50);
        List<String> ids = ids(list.arrange(q));
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
        assertEquals(expected.subList(8, 16), ids(list.arrange(query(ListSort.NEWEST, liked, Set.of("C3", "C40"), 1, 8))));
        assertEquals(50, list.arrange(q).total());
    }

    @Test
    void eachSortOrdersAsItSays() {
        ListedContents list = new ListedContents();
        list.put(entry(1, Genre.MUSIC, 300, 5, 40, 2));
        list.put(entry(2, Genre.MUSIC, 100, 9, 40, 7));
        list.put(entry(3, Genre.MUSIC, 100, 5, 50, 1));
        list.put(entry(4, Genre.MUSIC, 200, 0, 0, 0));
        assertEquals(List.of("C2", "C3", "C1", "C4"), ids(list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10))));
        assertEquals(List.of("C3", "C2", "C1", "C4"), ids(list.arrange(query(ListSort.RATING, Set.of(), Set.of(), 0, 10))));
        assertEquals(List.of("C3", "C2", "C4", "C1"), ids(list.arrange(query(ListSort.PRICE_LOW, Set.of(), Set.of(), 0, 10))));
        assertEquals(List.of("C4", "C3", "C2", "C1"), ids(list.arrange(query(ListSort.NEWEST, Set.of(), Set.of(), 0, 10))));
    }

    @Test
    void searchMatchesWordsInNameSummaryOrWriterAndFiltersGenreAndPrice() {
        ListedContents list = new ListedContents();
        list.put(ListEntry.of("A", 1, true, "amber light", "", "aoi", Genre.MUSIC, 500, T0, 0, 0, 0));
        list.put(ListEntry.of("B", 1, true, "blue", "the amber hour", "ken", Genre.MUSIC, 1500, T0.plusSeconds(1), 0, 0, 0));
        list.put(ListEntry.of("C", 1, true, "cold", "", "amber & co", Genre.MOVIE, 800, T0.plusSeconds(2), 0, 0, 0));
        list.put(ListEntry.of("D", 1, true, "50%_off", "", "x", Genre.MUSIC, 100, T0.plusSeconds(3), 0, 0, 0));
        assertEquals(List.of("C", "B", "A"), ids(list.arrange(new ListQuery(" AMBER ", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10))));
        assertEquals(List.of("B", "A"), ids(list.arrange(new ListQuery("amber", Genre.MUSIC, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10))));
        ListedContents.Arranged priced = list.arrange(new ListQuery("amber", null, 600L, 1500L, ListSort.NEWEST, Set.of(), Set.of(), 0, 10));
        assertEquals(List.of("C", "B"), ids(priced));
        assertEquals(2, priced.total());
        // Words never match across two fields ("light" ends the name, "aoi" is the writer).
        assertEquals(List.of(), ids(list.arrange(new ListQuery("light aoi", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10))));
        assertEquals("amber light", list.arrange(new ListQuery("LIGHT", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10))
                .lines().get(0).name(), "lines keep the name as written");
        // Wildcards of SQL are plain characters here.
        assertEquals(List.of("D"), ids(list.arrange(new ListQuery("%_", null, null, null, ListSort.NEWEST, Set.of(), Set.of(), 0, 10))));
    }

    @Test
    void aNewerRevisionReplacesAnOlderOneNeverTheOtherWayRound() {
        ListedContents list = new ListedContents();
        list.put(entry(1, Genre.MUSIC, 100, 0, 0, 0));
        list.put(entry(2, Genre.MUSIC, 100, 0, 0, 0));
        assertEquals(List.of("C2", "C1"), ids(list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10))));
        // C1 received twice (revision 3), then a late copy of revision 2 arrives.
        list.put(ListEntry.of("C1", 3, true, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 2, 0, 0));
        list.put(ListEntry.of("C1", 2, true, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 1, 0, 0));
        assertEquals(List.of("C1", "C2"), ids(list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10))));
        // No longer listed: gone from the list and the total.
        list.put(ListEntry.of("C1", 4, false, "n", "s", "w", Genre.MUSIC, 100, T0.plusSeconds(60), 2, 0, 0));
        ListedContents.Arranged after = list.arrange(query(ListSort.POPULAR, Set.of(), Set.of(), 0, 10));
        assertEquals(List.of("C2"), ids(after));
        assertEquals(1, after.total());
        assertEquals(1, list.size());
    }

    /** Every page of every arrangement equals the plain definition: filter, sort, segments one after the other. */
    @Test
    void pagesMatchTheDefinitionForRandomListsAndConditions() {
        java.util.Random random = new java.util.Random(20261124);
        Genre[] genres = Genre.values();
        for (int round = 0; round < 40; round++) {
            ListedContents list = new ListedContents();
            List<ListEntry> all = new ArrayList<>();
            int size = random.nextInt(300);
            for (int n = 0; n < size; n++) {
                ListEntry e = ListEntry.of("C" + n, 1, random.nextInt(10) > 0, "name " + (char) ('a' + random.nextInt(5)), "", "w",
                        genres[random.nextInt(4)], 100L * random.nextInt(10), T0.plusSeconds(random.nextInt(50)),
                        random.nextInt(5), random.nextInt(50), random.nextInt(3));
                list.put(e);
                all.add(e);
            }
            Set<Genre> liked = random.nextBoolean() ? Set.of() : EnumSet.of(genres[random.nextInt(4)], genres[random.nextInt(4)]);
            Set<String> sponsored = random.nextBoolean() ? Set.of() : new java.util.HashSet<>(List.of("C" + random.nextInt(size + 1), "C" + random.nextInt(size + 1)));
            ListSort sort = ListSort.values()[random.nextInt(ListSort.values().length)];
            String text = random.nextInt(3) == 0 ? "name " + (char) ('a' + random.nextInt(5)) : null;
            Genre genre = random.nextInt(4) == 0 ? genres[random.nextInt(4)] : null;
            Long min = random.nextInt(4) == 0 ? 300L : null;
            int pageSize = 1 + random.nextInt(30);

            java.util.function.Predicate<ListEntry> matches = e -> e.listed() && (text == null || e.name().equals(text))
                    && (genre == null || e.genre() == genre) && (min == null || e.unitCost() >= min);
            List<String> expected = new ArrayList<>();
            List<ListEntry> sorted = all.stream().filter(matches).sorted(orderOf(sort)).toList();
            sorted.stream().filter(e -> sponsored.contains(e.id())).forEach(e -> expected.add(e.id()));
            sorted.stream().filter(e -> !sponsored.contains(e.id()) && liked.contains(e.genre())).forEach(e -> expected.add(e.id()));
            sorted.stream().filter(e -> !sponsored.contains(e.id()) && !liked.contains(e.genre())).forEach(e -> expected.add(e.id()));
            for (int page = 0; page * pageSize <= expected.size(); page++) {
                ListedContents.Arranged arranged = list.arrange(new ListQuery(text, genre, min, null, sort, liked, sponsored, page, pageSize));
                assertEquals(expected.subList(page * pageSize, Math.min(expected.size(), (page + 1) * pageSize)), ids(arranged),
                        "round " + round + " page " + page);
                assertEquals(expected.size(), arranged.total());
            }
        }
    }

    private static java.util.Comparator<ListEntry> orderOf(ListSort sort) {
        java.util.Comparator<ListEntry> newest = java.util.Comparator.comparing(ListEntry::listedAt).reversed()
                .thenComparing(java.util.Comparator.comparing(ListEntry::id).reversed());
        return switch (sort) {
            case NEWEST -> newest;
            case POPULAR -> java.util.Comparator.comparingLong(ListEntry::receptions).reversed().thenComparing(newest);
            case RATING -> java.util.Comparator.comparingLong(ListEntry::ratingTenths).reversed()
                    .thenComparing(java.util.Comparator.comparingLong(ListEntry::ratingCount).reversed()).thenComparing(newest);
            case PRICE_LOW -> java.util.Comparator.comparingLong(ListEntry::unitCost).thenComparing(newest);
        };
    }

    @Test
    void bestHitsAreTheMostReceivedOfTheGenres() {
        ListedContents list = fifty();
        // Receptions are n % 4: 3 for C3, C7, ..., C47; the newest of them first.
        assertEquals(List.of("C47", "C43", "C39"), ids(list.bestHits(Set.of(), 3)));
        assertEquals(List.of("C35", "C15", "C50"), ids(list.bestHits(EnumSet.of(Genre.MUSIC), 3)));
    }
}
