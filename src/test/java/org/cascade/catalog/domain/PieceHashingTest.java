package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PieceHashingTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String MILLION_A_SHA256 = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

    /** 1,000,000 / 65,536 = 15 full pieces and a partial 16th of 16,960 bytes. */
    private static final int PIECE = 65_536;
    private static final int MILLION = 1_000_000;

    private static byte[] millionA() {
        byte[] b = new byte[MILLION];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    private static Manifest manifestOf(byte[] data, int pieceSize) throws IOException {
        return PieceHashing.manifest("c1", new ByteArrayInputStream(data), pieceSize, "holder1", 300);
    }

    private static String sha256Hex(byte[] data) {
        return PieceHashing.hex(PieceHashing.sha256(data));
    }

    /** Returns at most {@code max} bytes from each read call, as a network stream may. */
    private static final class TrickleInputStream extends FilterInputStream {
        private final int max;

        TrickleInputStream(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }
    }

    @Test
    void sha256OfKnownVectors() {
        assertEquals(EMPTY_SHA256, sha256Hex(new byte[0]));
        assertEquals(ABC_SHA256, sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MILLION_A_SHA256, sha256Hex(millionA()));
    }

    @Test
    void emptyInputHasNoPiecesAndTheEmptyFileHash() throws IOException {
        Manifest m = manifestOf(new byte[0], PIECE);

        assertEquals(0, m.size());
        assertEquals(0, m.pieceCount());
        assertEquals(EMPTY_SHA256, m.fileHash());
        assertEquals(EMPTY_SHA256, m.root(), "root over no piece digests is the hash of nothing");
    }

    @Test
    void abcInOnePieceHasItsKnownHashAsPieceAndFileHash() throws IOException {
        Manifest m = manifestOf("abc".getBytes(StandardCharsets.US_ASCII), PIECE);

        assertEquals(3, m.size());
        assertEquals(1, m.pieceCount());
        assertEquals(3, m.pieceLength(0));
        assertEquals(List.of(ABC_SHA256), m.pieceHashes());
        assertEquals(ABC_SHA256, m.fileHash());
        assertEquals(sha256Hex(PieceHashing.sha256("abc".getBytes(StandardCharsets.US_ASCII))), m.root());
    }

    @Test
    void abcSplitInTwoPiecesKeepsTheWholeFileHash() throws IOException {
        Manifest m = manifestOf("abc".getBytes(StandardCharsets.US_ASCII), 2);

        assertEquals(2, m.pieceCount());
        assertEquals(List.of(sha256Hex("ab".getBytes(StandardCharsets.US_ASCII)), sha256Hex("c".getBytes(StandardCharsets.US_ASCII))),
                m.pieceHashes());
        assertEquals(ABC_SHA256, m.fileHash());
    }

    @Test
    void millionAHasTheKnownFileHashAcrossSeveralPiecesEndingPartial() throws IOException {
        Manifest m = manifestOf(millionA(), PIECE);

        assertEquals(MILLION, m.size());
        assertEquals(PIECE, m.pieceSize());
        assertEquals(MILLION_A_SHA256, m.fileHash());
        assertEquals(16, m.pieceCount());
        assertEquals(PIECE, m.pieceLength(0));
        assertEquals(PIECE, m.pieceLength(14));
        assertEquals(MILLION - 15 * PIECE, m.pieceLength(15));
        assertEquals(16_960, m.pieceLength(15));
        assertEquals("c1", m.contentId());
        assertEquals("holder1", m.holder());
        assertEquals(300, m.unitCost());
    }

    @Test
    void eachPieceHashIsTheHashOfItsSlice() throws IOException {
        byte[] data = millionA();
        data[PIECE + 7] = 'b'; // make the pieces differ so a misplaced slice would show
        Manifest m = manifestOf(data, PIECE);

        for (int i = 0; i < m.pieceCount(); i++) {
            int from = i * PIECE;
            byte[] slice = Arrays.copyOfRange(data, from, Math.min(data.length, from + PIECE));
            assertEquals(sha256Hex(slice), m.pieceHashes().get(i), "piece " + i);
        }
        assertEquals(sha256Hex(data), m.fileHash());
    }

    @Test
    void rootIsTheHashOfTheConcatenatedPieceDigests() throws IOException {
        byte[] data = millionA();
        Manifest m = manifestOf(data, PIECE);

        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        for (int from = 0; from < data.length; from += PIECE) {
            digests.writeBytes(PieceHashing.sha256(Arrays.copyOfRange(data, from, Math.min(data.length, from + PIECE))));
        }

        assertEquals(16 * 32, digests.size());
        assertEquals(sha256Hex(digests.toByteArray()), m.root());
    }

    @Test
    void streamDeliveredInSmallReadsGivesTheSameManifest() throws IOException {
        byte[] data = millionA();

        Manifest whole = manifestOf(data, PIECE);
        Manifest trickled = PieceHashing.manifest("c1", new TrickleInputStream(new ByteArrayInputStream(data), 1000), PIECE,
                "holder1", 300);

        assertEquals(whole, trickled);
        assertEquals(MILLION_A_SHA256, trickled.fileHash());
    }

    @Test
    void inputOfExactlyWholePiecesHasNoEmptyTrailingPiece() throws IOException {
        Manifest m = manifestOf(new byte[4 * 1024], 1024);

        assertEquals(4, m.pieceCount());
        assertEquals(1024, m.pieceLength(3));
    }

    @Test
    void verifiesAcceptsOnlyTheRightBytesAtTheRightIndex() throws IOException {
        byte[] data = millionA();
        Manifest m = manifestOf(data, PIECE);
        byte[] first = Arrays.copyOfRange(data, 0, PIECE);
        byte[] last = Arrays.copyOfRange(data, 15 * PIECE, MILLION);

        assertTrue(m.verifies(0, first));
        assertTrue(m.verifies(15, last));

        byte[] flipped = first.clone();
        flipped[100] ^= 0x01;
        assertFalse(m.verifies(0, flipped), "a flipped byte");
        assertFalse(m.verifies(15, Arrays.copyOf(last, last.length - 1)), "one byte short");
        assertFalse(m.verifies(15, first), "a full-length piece where the partial last one belongs");
        assertFalse(m.verifies(16, last), "index past the end");
        assertFalse(m.verifies(-1, first), "negative index");
    }

    @Test
    void manifestRefusesPieceHashListNotMatchingSizeAndPieceSize() {
        String h = ABC_SHA256;

        assertThrows(IllegalArgumentException.class, () -> new Manifest("c1", 10, 4, List.of(h, h), "r", "f", "holder1", 1));
        assertThrows(IllegalArgumentException.class, () -> new Manifest("c1", 10, 4, List.of(h, h, h, h), "r", "f", "holder1", 1));
        assertThrows(IllegalArgumentException.class, () -> new Manifest("c1", 0, 4, List.of(h), "r", "f", "holder1", 1));
        assertEquals(3, new Manifest("c1", 10, 4, List.of(h, h, h), "r", "f", "holder1", 1).pieceCount());
    }
}
