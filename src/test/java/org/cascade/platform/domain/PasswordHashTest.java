package org.cascade.platform.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final int CHEAP = 1000;

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private static String[] parts(String stored) {
        return stored.split("\\$");
    }

    private static boolean refusedQuietly(String stored) {
        return assertDoesNotThrow(() -> PasswordHash.matches(pw("correct horse"), stored));
    }

    @Test
    void defaultHashUsesTheFullIterationCountAndMatchesItsPassword() {
        String stored = PasswordHash.hash(pw("correct horse"));

        assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
        assertEquals(4, parts(stored).length);
        assertTrue(PasswordHash.matches(pw("correct horse"), stored));
    }

    @Test
    void rightPasswordMatches() {
        String stored = PasswordHash.hash(pw("correct horse"), CHEAP);

        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        assertTrue(PasswordHash.matches(pw("correct horse"), stored));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String stored = PasswordHash.hash(pw("correct horse"), CHEAP);

        assertFalse(PasswordHash.matches(pw("correct horsf"), stored));
        assertFalse(PasswordHash.matches(pw("Correct horse"), stored));
        assertFalse(PasswordHash.matches(pw(""), stored));
    }

    @Test
    void storedFormHasSixteenByteSaltAndThirtyTwoByteHash() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertEquals(16, Base64.getDecoder().decode(p[2]).length);
        assertEquals(32, Base64.getDecoder().decode(p[3]).length);
    }

    @Test
    void twoHashesOfTheSamePasswordDifferBySalt() {
        String first = PasswordHash.hash(pw("correct horse"), CHEAP);
        String second = PasswordHash.hash(pw("correct horse"), CHEAP);

        assertNotEquals(first, second);
        assertNotEquals(parts(first)[2], parts(second)[2]);
        assertTrue(PasswordHash.matches(pw("correct horse"), first));
        assertTrue(PasswordHash.matches(pw("correct horse"), second));
    }

    @Test
    void tamperedHashDoesNotMatch() {
        String stored = PasswordHash.hash(pw("correct horse"), CHEAP);
        String[] p = parts(stored);
        byte[] hash = Base64.getDecoder().decode(p[3]);
        hash[0] ^= 1;
        String tampered = p[0] + "$" + p[1] + "$" + p[2] + "$" + Base64.getEncoder().withoutPadding().encodeToString(hash);

        assertFalse(refusedQuietly(tampered));
    }

    @Test
    void changedIterationCountDoesNotMatch() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$1001$" + p[2] + "$" + p[3]));
    }

    @Test
    void truncatedHashDoesNotMatch() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$" + p[2] + "$" + p[3].substring(0, 8)));
    }

    @Test
    void wrongSchemeIsRefused() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly("pbkdf2-sha1$" + p[1] + "$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly("PBKDF2-SHA256$" + p[1] + "$" + p[2] + "$" + p[3]));
    }

    @Test
    void wrongPartCountIsRefused() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$" + p[2] + "$" + p[3] + "$extra"));
        assertFalse(refusedQuietly("pbkdf2-sha256"));
        assertFalse(refusedQuietly(""));
    }

    @Test
    void nonNumericIterationCountIsRefused() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$many$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$99999999999$" + p[2] + "$" + p[3]));
    }

    @Test
    void absurdIterationCountIsRefusedWithoutDerivingAnything() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        long start = System.nanoTime();
        assertFalse(refusedQuietly(p[0] + "$2000000000$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$10000001$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$0$" + p[2] + "$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$-5$" + p[2] + "$" + p[3]));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "an absurd count must be refused, not computed");
    }

    @Test
    void badBase64IsRefused() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$!!not base64!!$" + p[3]));
        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$" + p[2] + "$%%%%"));
    }

    @Test
    void emptySaltIsRefused() {
        String[] p = parts(PasswordHash.hash(pw("correct horse"), CHEAP));

        assertFalse(refusedQuietly(p[0] + "$" + p[1] + "$$" + p[3]));
    }

    @Test
    void nullStoredFormIsRefused() {
        assertFalse(refusedQuietly(null));
    }
}
