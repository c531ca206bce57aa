package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ListQueryTest {

    private static ListQuery query(String text, Long min, Long max, int page) {
        return new ListQuery(text, null, min, max, ListSort.NEWEST, Set.of(), Set.of(), page, 20);
    }

    private static void assertRefused(String key, Executable e) {
        assertEquals(key, assertThrows(RuleViolation.class, e).messageKey());
    }

    @Test
    void blankTextBecomesNull() {
        assertNull(query("   ", null, null, 0).text());
        assertNull(query("", null, null, 0).text());
        assertNull(query(null, null, null, 0).text());
    }

    @Test
    void textIsStripped() {
        assertEquals("budokan", query("  budokan ", null, null, 0).text());
    }

    @Test
    void textOver100IsRefused() {
        assertEquals(100, query("t".repeat(ListQuery.MAX_TEXT), null, null, 0).text().length());
        assertRefused("list.text.long", () -> query("t".repeat(ListQuery.MAX_TEXT + 1), null, null, 0));
    }

    @Test
    void negativePriceIsRefused() {
        assertRefused("list.price.negative", () -> query(null, -1L, null, 0));
        assertRefused("list.price.negative", () -> query(null, null, -1L, 0));
    }

    @Test
    void minimumAboveMaximumIsRefused() {
        assertRefused("list.price.order", () -> query(null, 500L, 499L, 0));
        assertEquals(500L, query(null, 500L, 500L, 0).maxPrice());
    }

    @Test
    void negativePageIsRefused() {
        assertRefused("list.page", () -> query(null, null, null, -1));
        assertEquals(0, query(null, null, null, 0).page());
    }

    @Test
    void likedAndSponsoredAreCopiedUnmodifiable() {
        Set<Genre> liked = new HashSet<>(Set.of(Genre.MUSIC));
        ListQuery q = new ListQuery(null, null, null, null, ListSort.NEWEST, liked, Set.of("C1"), 0, 20);
        liked.add(Genre.ANIME);

        assertEquals(Set.of(Genre.MUSIC), q.liked());
        assertThrows(UnsupportedOperationException.class, () -> q.liked().add(Genre.BOOK));
    }
}
