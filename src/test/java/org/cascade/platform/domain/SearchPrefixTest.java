package org.cascade.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchPrefixTest {

    @Test
    void aSearchIsTrimmedAndBlankFindsEverything() {
        assertEquals("Namba", SearchPrefix.of("  Namba ").text());
        assertTrue(SearchPrefix.of(null).isEmpty());
        assertTrue(SearchPrefix.of("   ").isEmpty());
        assertEquals("namba", SearchPrefix.of("NamBA").lowerCase());
        assertEquals("CT-AB", SearchPrefix.of("ct-ab").upperCase());
    }

    @Test
    void aSearchTooLongOrWithControlCharactersIsRefused() {
        assertEquals("x".repeat(SearchPrefix.MAX), SearchPrefix.of("x".repeat(SearchPrefix.MAX)).text());
        RuleViolation tooLong = assertThrows(RuleViolation.class, () -> SearchPrefix.of("x".repeat(SearchPrefix.MAX + 1)));
        assertEquals("search.tooLong", tooLong.messageKey());
        assertEquals(SearchPrefix.MAX, tooLong.arguments()[0]);
        assertEquals("search.invalid", assertThrows(RuleViolation.class, () -> SearchPrefix.of("a\u0000b")).messageKey());
    }

    @Test
    void wildcardsTypedInASearchMatchOnlyThemselves() {
        assertEquals("50\\%\\_off\\\\%", SearchPrefix.beginningWith("50%_off\\"));
        assertEquals("%", SearchPrefix.beginningWith(""));
    }
}
