package org.cascade.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits a content into pieces and hashes them (the spec's contents processing section 23):
 * SHA-256 per piece, SHA-256 of the whole, and the root over the piece digests. Reads a stream
 * once, a piece at a time, so a file of any size costs one piece of memory.
 */
public final class PieceHashing {

    private PieceHashing() {
    }

    public static Manifest manifest(String contentId, InputStream in, int pieceSize, String holder, long unitCost) throws IOException {
        MessageDigest whole = digest();
        MessageDigest root = digest();
        List<String> pieces = new ArrayList<>();
        byte[] buffer = new byte[pieceSize];
        long size = 0;
        while (true) {
            int filled = in.readNBytes(buffer, 0, pieceSize);
            if (filled == 0) {
                break;
            }
            MessageDigest piece = digest();
            piece.update(buffer, 0, filled);
            byte[] d = piece.digest();
            pieces.add(hex(d));
            root.update(d);
            whole.update(buffer, 0, filled);
            size += filled;
            if (filled < pieceSize) {
                break;
            }
        }
        return new Manifest(contentId, size, pieceSize, pieces, hex(root.digest()), hex(whole.digest()), holder, unitCost);
    }

    public static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
