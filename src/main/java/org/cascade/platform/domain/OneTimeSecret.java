package org.cascade.platform.domain;

import java.security.SecureRandom;

/**
 * Random secrets people type: a one-time password handed out by the operator, or a storage
 * media's hand-over code. Crockford's base32 alphabet (no I, L, O, U) so that nothing is
 * misread at a counter; 5 bits a character.
 */
public final class OneTimeSecret {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecret() {
    }

    /** {@code groups} groups of four characters joined by hyphens: 20 bits of entropy a group. */
    public static String generate(int groups) {
        StringBuilder sb = new StringBuilder(groups * 5);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                sb.append('-');
            }
            for (int i = 0; i < 4; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }

    /**
     * The canonical form of what a person typed: case, spaces and hyphens ignored, and the
     * letters Crockford's alphabet leaves out read as the digits they look like.
     * Returns null when something outside the alphabet remains.
     */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                return null;
            }
            sb.append(mapped);
        }
        return sb.toString();
    }
}
