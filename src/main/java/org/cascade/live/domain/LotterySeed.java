package org.cascade.live.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret a lottery is drawn from. Before applications close the center publishes its
 * commitment, the lowercase hex SHA-256 of the seed's 32 bytes; after closing it publishes the
 * seed itself (hex) with the result. Since the commitment came first, the center could not pick
 * a seed after seeing the applications; since the seed is published, anyone can recompute.
 */
public final class LotterySeed {

    public static final int BYTES = 32;

    private final byte[] bytes;

    private LotterySeed(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a seed is " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static LotterySeed generate(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new LotterySeed(b);
    }

    public static LotterySeed fromHex(String hex) {
        try {
            return new LotterySeed(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a seed: " + hex, e);
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** What the center publishes before closing: hex SHA-256 of the seed bytes. */
    public String commitment() {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The ticket of one application: hex SHA-256 of the seed bytes followed by the id's UTF-8 bytes. */
    public String ticket(String applicationId) {
        byte[] id = applicationId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(bytes, BYTES + id.length);
        System.arraycopy(id, 0, message, BYTES, id.length);
        return HexFormat.of().formatHex(sha256(message));
    }

    static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LotterySeed s && MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "LotterySeed[commitment=" + commitment() + "]"; // never the seed: it is secret until the draw
    }
}
