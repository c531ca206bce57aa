package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class BoardPostTest {

    private static final Instant NOW = Instant.parse("2025-04-01T12:00:00Z");

    private static BoardPost post(String text) {
        return new BoardPost("C0000000000000A1", "user-3", text, NOW);
    }

    private static String refusal(String text) {
        return assertThrows(RuleViolation.class, () -> post(text)).messageKey();
    }

    @Test
    void textIsTrimmedAndCleanedOfControlCharactersKeepingLineBreaks() {
        BoardPost p = post("  Great\u0000 show!\r\nSee you\u001b next time.  ");

        assertEquals("Great show!\nSee you next time.", p.text());
        assertEquals("user-3", p.author());
        assertEquals("C0000000000000A1", p.contentId());
        assertEquals(NOW, p.postedAt());
    }

    @Test
    void textOf1000CharactersIsAccepted() {
        assertEquals(BoardPost.MAX_LENGTH, post("x".repeat(1000)).text().length());
    }

    @Test
    void textOver1000CharactersIsRefused() {
        assertEquals("board.text.invalid", refusal("x".repeat(1001)));
    }

    @Test
    void blankOrMissingTextIsRefused() {
        assertEquals("board.text.invalid", refusal(""));
        assertEquals("board.text.invalid", refusal("   \n\t "));
        assertEquals("board.text.invalid", refusal(null));
    }

    @Test
    void newPostIsVisible() {
        BoardPost p = post("hello");

        assertFalse(p.hidden());
        assertNull(p.hiddenBy());
    }

    @Test
    void hiddenPostRemembersWhoHidItAndCanBeShownAgain() {
        BoardPost p = post("hello");

        p.hide("holder-7");
        assertTrue(p.hidden());
        assertEquals("holder-7", p.hiddenBy());

        p.show();
        assertFalse(p.hidden());
        assertNull(p.hiddenBy());
        assertEquals("hello", p.text());
    }
}
