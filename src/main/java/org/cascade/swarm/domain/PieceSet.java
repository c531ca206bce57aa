package org.cascade.swarm.domain;

import java.util.Base64;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.cascade.platform.domain.RuleViolation;

/** Some of the pieces of one content, by index (0 to {@code pieceCount - 1}). Immutable. */
public final class PieceSet {

    private final int pieceCount;
    private final BitSet bits;

    private PieceSet(int pieceCount, BitSet bits) {
        this.pieceCount = pieceCount;
        this.bits = bits;
    }

    public static PieceSet of(int pieceCount, int... pieces) {
        if (pieceCount <= 0) {
            throw new IllegalArgumentException("piece count " + pieceCount);
        }
        BitSet b = new BitSet(pieceCount);
        for (int p : pieces) {
            if (p < 0 || p >= pieceCount) {
                throw new IllegalArgumentException("piece " + p + " of " + pieceCount);
            }
            b.set(p);
        }
        return new PieceSet(pieceCount, b);
    }

    public static PieceSet none(int pieceCount) {
        return of(pieceCount);
    }

    /** Every piece of a content. */
    public static PieceSet all(int pieceCount) {
        PieceSet set = none(pieceCount);
        set.bits.set(0, pieceCount);
        return set;
    }

    /**
     * Pieces from a bitfield as terminals send it: base64url, piece 0 the high bit of byte 0,
     * exactly as many bytes as the pieces need and no bit set past the last piece.
     */
    public static PieceSet fromBitfield(int pieceCount, String bitfield) {
        PieceSet set = none(pieceCount);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(bitfield);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("channel.pieces.invalid");
        }
        if (bytes.length != (pieceCount + 7) / 8) {
            throw new RuleViolation("channel.pieces.invalid");
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if ((b & (0xff >> Math.min(8, pieceCount - 8 * i))) != 0) {
                throw new RuleViolation("channel.pieces.invalid"); // a bit past the last piece
            }
            for (int bit = 0; bit < 8; bit++) {
                if ((b & (0x80 >> bit)) != 0) {
                    set.bits.set(8 * i + bit);
                }
            }
        }
        return set;
    }

    /** The bitfield of {@link #fromBitfield}. */
    public String toBitfield() {
        byte[] bytes = new byte[(pieceCount + 7) / 8];
        bits.stream().forEach(p -> bytes[p / 8] |= (byte) (0x80 >> (p % 8)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int pieceCount() {
        return pieceCount;
    }

    public boolean contains(int piece) {
        return bits.get(piece);
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public IntStream stream() {
        return bits.stream();
    }

    public PieceSet union(PieceSet other) {
        return combine(other, BitSet::or);
    }

    public PieceSet intersect(PieceSet other) {
        return combine(other, BitSet::and);
    }

    public PieceSet minus(PieceSet other) {
        return combine(other, BitSet::andNot);
    }

    /** The pieces in exactly one of the two sets. */
    public PieceSet difference(PieceSet other) {
        return combine(other, BitSet::xor);
    }

    private PieceSet combine(PieceSet other, java.util.function.BiConsumer<BitSet, BitSet> op) {
        if (other.pieceCount != pieceCount) {
            throw new IllegalArgumentException("pieces of another content: " + other.pieceCount + " ≠ " + pieceCount);
        }
        BitSet b = (BitSet) bits.clone();
        op.accept(b, other.bits);
        return new PieceSet(pieceCount, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceSet p && p.pieceCount == pieceCount && p.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return 31 * pieceCount + bits.hashCode();
    }

    @Override
    public String toString() {
        return bits + "/" + pieceCount;
    }
}
