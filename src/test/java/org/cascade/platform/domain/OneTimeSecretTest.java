package org.cascade.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeSecretTest {

    private static final String GROUP = "[0-9A-HJKMNP-TV-Z]{4}";

    @Test
    void generateMakesGroupsOfFourCrockfordCharactersJoinedByHyphens() {
        for (int groups = 1; groups <= 4; groups++) {
            String code = OneTimeSecret.generate(groups);

            assertEquals(groups * 5 - 1, code.length(), code);
            assertTrue(code.matches(GROUP + ("-" + GROUP).repeat(groups - 1)), code);
            assertEquals(groups, code.split("-").length, code);
        }
    }

    @Test
    void generatedCharactersAreAllFromTheAlphabet() {
        for (int i = 0; i < 200; i++) {
            for (char c : OneTimeSecret.generate(3).replace("-", "").toCharArray()) {
                assertTrue(OneTimeSecret.ALPHABET.indexOf(c) >= 0, "unexpected " + c);
            }
        }
    }

    @Test
    void alphabetLeavesOutTheEasilyMisreadLetters() {
        assertEquals(32, OneTimeSecret.ALPHABET.length());
        for (char c : "ILOU".toCharArray()) {
            assertEquals(-1, OneTimeSecret.ALPHABET.indexOf(c), "alphabet contains " + c);
        }
    }

    @Test
    void generatedCodeNormalizesToItselfWithoutHyphens() {
        String code = OneTimeSecret.generate(3);

        assertEquals(code.replace("-", ""), OneTimeSecret.normalize(code));
    }

    @Test
    void manyGeneratedCodesAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            seen.add(OneTimeSecret.generate(3));
        }
        assertEquals(5000, seen.size());
    }

    @Test
    void normalizeIgnoresCaseSpacesAndHyphens() {
        assertEquals("ABCD2345WXYZ", OneTimeSecret.normalize("abcd-2345-wxyz"));
        assertEquals("ABCD2345WXYZ", OneTimeSecret.normalize("  AbCd 2345\twXyZ "));
        assertEquals("ABCD2345WXYZ", OneTimeSecret.normalize("--abcd--2345 - wxyz--"));
    }

    @Test
    void normalizeReadsLettersOutsideTheAlphabetAsTheDigitsTheyLookLike() {
        assertEquals("0000", OneTimeSecret.normalize("OoOo"));
        assertEquals("1111", OneTimeSecret.normalize("IiLl"));
        assertEquals("10AB", OneTimeSecret.normalize("lOab"));
    }

    @Test
    void normalizeRefusesCharactersOutsideTheAlphabet() {
        assertNull(OneTimeSecret.normalize("ABCU"));
        assertNull(OneTimeSecret.normalize("abcu"));
        assertNull(OneTimeSecret.normalize("ABC!"));
        assertNull(OneTimeSecret.normalize("AB_C"));
        assertNull(OneTimeSecret.normalize("ABÇD"));
    }

    @Test
    void normalizeRefusesNullAndOverlongInput() {
        assertNull(OneTimeSecret.normalize(null));
        assertNull(OneTimeSecret.normalize("A".repeat(65)));
        assertEquals("A".repeat(64), OneTimeSecret.normalize("a".repeat(64)));
    }
}
