package org.cascade.swarm.domain;

/** How a content of {@code size} bytes is cut into pieces of {@code pieceSize} bytes (the last one shorter). */
public record PieceLayout(long size, int pieceSize) {

    public PieceLayout {
        if (size <= 0 || pieceSize <= 0) {
            throw new IllegalArgumentException("size " + size + ", piece size " + pieceSize);
        }
    }

    public int pieceCount() {
        return (int) ((size + pieceSize - 1) / pieceSize);
    }

    public long bytesOf(int piece) {
        if (piece < 0 || piece >= pieceCount()) {
            throw new IllegalArgumentException("piece " + piece + " of " + pieceCount());
        }
        return piece == pieceCount() - 1 ? size - (long) piece * pieceSize : pieceSize;
    }
}
