package org.cascade.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void eachWaitIsTwiceTheOneBeforeUpToTheLongest() {
        Retry retry = new Retry(Duration.ofMinutes(1), Duration.ofMinutes(10), 8);
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), retry.after(1, NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(2))), retry.after(2, NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(4))), retry.after(3, NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(8))), retry.after(4, NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(10))), retry.after(5, NOW), "never more than the longest");
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(10))), retry.after(7, NOW));
    }

    @Test
    void noAttemptIsLeftAfterTheLast() {
        Retry retry = new Retry(Duration.ofMinutes(1), Duration.ofMinutes(10), 3);
        assertTrue(retry.after(2, NOW).isPresent());
        assertTrue(retry.after(3, NOW).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> retry.after(0, NOW));
    }

    @Test
    void aFailingMailWaitsLongerEachTimeThenFailsWithTheServersLastAnswer() {
        Retry retry = new Retry(Duration.ofMinutes(1), Duration.ofHours(1), 3);
        OutgoingMail mail = new OutgoingMail("k-1", "aiko@example.org", "en",
                new MailContent("Hello", java.util.List.of(MailContent.Paragraph.of("Hi"))), NOW);
        assertEquals(NOW, mail.nextAttemptAt(), "due at once");
        mail.attemptFailed("421 busy", NOW, retry);
        assertEquals(OutgoingMail.State.PENDING, mail.state());
        assertEquals(NOW.plus(Duration.ofMinutes(1)), mail.nextAttemptAt());
        mail.attemptFailed("421 still busy", NOW.plus(Duration.ofMinutes(1)), retry);
        assertEquals(NOW.plus(Duration.ofMinutes(3)), mail.nextAttemptAt());
        mail.attemptFailed("550 mailbox unavailable", NOW.plus(Duration.ofMinutes(3)), retry);
        assertEquals(OutgoingMail.State.FAILED, mail.state());
        assertEquals(3, mail.attempts());
        assertEquals("550 mailbox unavailable", mail.lastAnswer());
        assertThrows(IllegalStateException.class, () -> mail.sent(NOW), "a failed mail is not sent later");
    }

    @Test
    void aSentMailIsNotSentAgain() {
        OutgoingMail mail = new OutgoingMail("k-2", "aiko@example.org", "ja",
                new MailContent("件名", java.util.List.of(MailContent.Paragraph.of("本文"))), NOW);
        mail.attemptFailed("connection refused", NOW, Retry.STANDARD);
        mail.sent(NOW.plus(Duration.ofMinutes(1)));
        assertEquals(OutgoingMail.State.SENT, mail.state());
        assertEquals(2, mail.attempts());
        assertThrows(IllegalStateException.class, () -> mail.sent(NOW));
        assertThrows(IllegalStateException.class, () -> mail.attemptFailed("x", NOW, Retry.STANDARD));
    }
}
