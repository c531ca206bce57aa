package org.cascade.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Other spellings of a compact ES256 JWS, for tests that check the center accepts exactly one:
 * every text one character away, and the (r, n − s) twin of its signature, which verifies just
 * as well under plain ECDSA.
 */
public final class JwsForms {

    /** The order n of the P-256 group. */
    public static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /**
     * What a character may be replaced by: the base64url alphabet, and what a careless decoder
     * might take for it (padding, standard base64, the part separator, a space, JSON quotes).
     */
    public static final String REPLACEMENTS = BASE64URL + "=+/. \"\\";

    private JwsForms() {
    }

    /** One text with one character replaced, and where. */
    public record Change(int at, char was, char now, String text) {

        @Override
        public String toString() {
            return "position " + at + ": '" + was + "' -> '" + now + "'";
        }
    }

    /**
     * Texts that differ from {@code text} in exactly one character. Where an encoding can hide a
     * change (the first and last two characters of every run of base64url characters, and every
     * character that is not base64url) the character is replaced by each of {@link #REPLACEMENTS};
     * inside a run, where any change alters the decoded bytes, by a few: two of its neighbours in
     * the alphabet, one far from it, padding and a separator.
     */
    public static List<Change> singleCharacterChanges(String text) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char was = text.charAt(i);
            String replacements = edge(text, i) ? REPLACEMENTS : interior(was);
            for (char now : replacements.toCharArray()) {
                if (now != was) {
                    changes.add(new Change(i, was, now, text.substring(0, i) + now + text.substring(i + 1)));
                }
            }
        }
        return changes;
    }

    private static boolean edge(String text, int at) {
        if (BASE64URL.indexOf(text.charAt(at)) < 0) {
            return true;
        }
        for (int d = -2; d <= 2; d++) {
            int j = at + d;
            if (j < 0 || j >= text.length() || BASE64URL.indexOf(text.charAt(j)) < 0) {
                return true;
            }
        }
        return false;
    }

    private static String interior(char was) {
        int v = BASE64URL.indexOf(was);
        return new String(new char[] {BASE64URL.charAt(v ^ 1), BASE64URL.charAt(v ^ 2), BASE64URL.charAt(v ^ 32), '=', '.'});
    }

    /** The same token with its signature's s replaced by n − s: the other signature ECDSA accepts for it. */
    public static String withOtherS(String compact) {
        String[] parts = compact.split("\\.", -1);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        byte[] other = unsigned32(P256_ORDER.subtract(s));
        System.arraycopy(other, 0, signature, 32, 32);
        parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        return String.join(".", parts);
    }

    /** True when the token's signature has s ≤ n/2. */
    public static boolean lowS(String compact) {
        byte[] signature = Base64.getUrlDecoder().decode(compact.split("\\.", -1)[2]);
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)).compareTo(P256_ORDER.shiftRight(1)) <= 0;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
