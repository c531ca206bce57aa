package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class UploadAllowanceTest {

    static final int PIECE = 262_144;
    static final long SECOND = 1_000_000_000L;

    @Test
    void overALongStretchNoMoreThanTheRateLeaves() {
        UploadAllowance a = new UploadAllowance(PIECE, PIECE, 0);
        long now = 0;
        long sent = 0;
        // Ask for a piece every 10 ms for 20 s: about one piece a second may go, plus the first second's worth.
        for (int i = 0; i < 2000; i++, now += 10_000_000L) {
            if (a.take(PIECE, now) == 0) {
                sent += PIECE;
            }
        }
        long expected = 20L * PIECE + PIECE;
        assertTrue(sent <= expected && sent >= expected - 2L * PIECE, "sent " + sent);
    }

    @Test
    void aPieceMayTakeTheBucketIntoDebtWhichTheNextWaitsOut() {
        UploadAllowance a = new UploadAllowance(100_000, PIECE, 0);
        assertEquals(0, a.take(PIECE, 0), "a full bucket holds one piece even when the rate is less");
        assertEquals(0, a.take(PIECE, 0), "a bucket not in debt lets a piece go, into debt");
        long wait = a.take(PIECE, 0);
        assertEquals((long) Math.ceil(PIECE * 1e9 / 100_000), wait, "the debt of one piece at 100,000 B/s");
        assertEquals(0, a.take(PIECE, wait));
    }

    @Test
    void noCapIsNoWaitAndWhatAnotherCapRefusedComesBack() {
        UploadAllowance none = new UploadAllowance(0, PIECE, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, none.take(PIECE, 0));
        }
        UploadAllowance a = new UploadAllowance(PIECE, PIECE, 0);
        assertEquals(0, a.take(PIECE, 0));
        a.giveBack(PIECE);
        assertEquals(0, a.take(PIECE, 0), "given back");
        assertEquals(0, a.take(1, SECOND));
    }

    @Test
    void theOperatorsCapsAreNoneOrSensibleAndAContentsIsNoMoreThanTheTotal() {
        OriginSettings s = new OriginSettings();
        s.change(0, 0);
        s.change(256 * 1024, 128 * 1024);
        assertEquals(256 * 1024, s.totalBytesPerSecond());
        s.change(0, 64 * 1024);
        assertEquals("origin.cap.small", assertThrows(RuleViolation.class, () -> s.change(1000, 0)).messageKey());
        assertEquals("origin.cap.order", assertThrows(RuleViolation.class, () -> s.change(64 * 1024, 128 * 1024)).messageKey());
        assertEquals(0, s.totalBytesPerSecond(), "a refused change changes nothing");
        assertEquals(64 * 1024, s.perContentBytesPerSecond());
    }
}
