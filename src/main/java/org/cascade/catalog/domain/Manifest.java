package org.cascade.catalog.domain;

import java.util.List;

/**
 * What the center certifies about a content: its id, size, piece size, the SHA-256 of each piece,
 * the root (the SHA-256 of the piece digests in order), the SHA-256 of the whole file, its holder
 * and unit cost. Signed, it is the content's originality mark; a piece that does not hash to its
 * entry here is never stored, counted or paid for.
 */
public record Manifest(String contentId, long size, int pieceSize, List<String> pieceHashes, String root, String fileHash,
                       String holder, long unitCost) {

    public static final int DEFAULT_PIECE_SIZE = 256 * 1024;

    public Manifest {
        if (pieceSize <= 0 || size < 0) {
            throw new IllegalArgumentException("piece size " + pieceSize + ", size " + size);
        }
        pieceHashes = List.copyOf(pieceHashes);
        long expected = size == 0 ? 0 : (size + pieceSize - 1) / pieceSize;
        if (pieceHashes.size() != expected) {
            throw new IllegalArgumentException(pieceHashes.size() + " piece hashes for " + expected + " pieces");
        }
    }

    public int pieceCount() {
        return pieceHashes.size();
    }

    /** The length of piece {@code index}: the piece size, except the last. */
    public int pieceLength(int index) {
        long start = (long) index * pieceSize;
        return (int) Math.min(pieceSize, size - start);
    }

    /** True when the bytes of piece {@code index} hash to the manifest's entry. */
    public boolean verifies(int index, byte[] piece) {
        if (index < 0 || index >= pieceHashes.size() || piece.length != pieceLength(index)) {
            return false;
        }
        return pieceHashes.get(index).equals(PieceHashing.hex(PieceHashing.sha256(piece)));
    }
}
