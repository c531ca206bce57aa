package org.cascade.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cascade.catalog.domain.UploadStorage.Ending;
import org.cascade.catalog.domain.UploadStorage.Written;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFilesTest {

    private static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    Path dataDir;

    UploadFiles files;

    @BeforeEach
    void setUp() {
        files = new UploadFiles();
        files.dataDir = dataDir.toString();
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void chunksLandAtTheirOffsets() throws IOException {
        files.create(ID);
        assertEquals(dataDir.resolve("uploads").resolve(ID + ".part"), files.path(ID));
        assertEquals(0, files.length(ID));
        byte[] first = bytes(100_000, 1);
        byte[] second = bytes(50_000, 2);
        assertEquals(new Written(100_000, Ending.END_OF_BODY), files.write(ID, 0, new ByteArrayInputStream(first), 100_000));
        assertEquals(new Written(50_000, Ending.END_OF_BODY), files.write(ID, 100_000, new ByteArrayInputStream(second), 200_000));
        byte[] stored = Files.readAllBytes(files.path(ID));
        assertArrayEquals(first, Arrays.copyOfRange(stored, 0, 100_000));
        assertArrayEquals(second, Arrays.copyOfRange(stored, 100_000, 150_000));
    }

    @Test
    void aBodyPastTheLimitLeavesNothingBehind() throws IOException {
        files.create(ID);
        files.write(ID, 0, new ByteArrayInputStream(bytes(1000, 1)), 1000);
        // Arrives in small reads, so some of it is on disk before the limit is seen to be passed.
        InputStream trickle = new TrickleStream(bytes(300_000, 2), 1000);
        assertEquals(new Written(0, Ending.PAST_LIMIT), files.write(ID, 1000, trickle, 200_000));
        assertEquals(1000, files.length(ID));
        assertEquals(new Written(200_000, Ending.END_OF_BODY),
                files.write(ID, 1000, new ByteArrayInputStream(bytes(200_000, 3)), 200_000), "exactly the limit is fine");
    }

    @Test
    void aBodyThatBreaksOffKeepsWhatArrived() throws IOException {
        files.create(ID);
        byte[] sent = bytes(70_000, 4);
        InputStream breaking = new InputStream() {
            private final InputStream delivered = new ByteArrayInputStream(sent);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = delivered.read(b, off, len);
                if (n < 0) {
                    throw new IOException("connection reset");
                }
                return n;
            }
        };
        assertEquals(new Written(70_000, Ending.CUT_OFF), files.write(ID, 0, breaking, 1 << 20));
        assertArrayEquals(sent, Files.readAllBytes(files.path(ID)));
    }

    @Test
    void bytesOfAnUnrecordedAttemptAreCutOffBeforeWriting() throws IOException {
        files.create(ID);
        Files.write(files.path(ID), bytes(5000, 5));
        files.write(ID, 1000, new ByteArrayInputStream(bytes(10, 6)), 10);
        assertEquals(1010, files.length(ID));
        files.truncate(ID, 1000);
        assertEquals(1000, files.length(ID));
        assertThrows(IllegalStateException.class, () -> files.write(ID, 2000, new ByteArrayInputStream(bytes(1, 7)), 1),
                "a file shorter than its recorded offset is not papered over");
    }

    @Test
    void aChunkIsCopiedThroughOneSmallBufferNeverHeldWhole() {
        files.create(ID);
        TrickleStream big = new TrickleStream(bytes(16 << 20, 8), Integer.MAX_VALUE);
        assertEquals(16 << 20, files.write(ID, 0, big, 16 << 20).bytes());
        assertTrue(big.largestRead <= UploadFiles.BUFFER, "largest read " + big.largestRead);
        assertEquals(16 << 20, files.length(ID));
    }

    @Test
    void aRemovedUploadsFileIsNeverBroughtBack() {
        files.create(ID);
        files.delete(ID);
        files.delete(ID);
        files.truncate(ID, 0);
        assertThrows(IllegalStateException.class, () -> files.write(ID, 0, new ByteArrayInputStream(bytes(10, 9)), 10));
        assertFalse(Files.exists(files.path(ID)));
        assertEquals(-1, files.length(ID));
    }

    @Test
    void onlyUploadIdsMakeFileNames() {
        for (String bad : new String[] {"../../keys/media-signing", "AAAAAAAAAAAAAAAAAAAAA/", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> files.path(bad));
        }
    }

    @Test
    void oldFilesAreCandidateOrphans() throws IOException {
        String young = "BBBBBBBBBBBBBBBBBBBBBB";
        assertEquals(List.of(), files.idsUntouchedSince(Instant.now()), "no directory yet");
        files.create(ID);
        files.create(young);
        Files.setLastModifiedTime(files.path(ID), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Files.writeString(files.path(ID).resolveSibling("notes.txt.part"), "not an upload");
        assertEquals(List.of(ID), files.idsUntouchedSince(Instant.now().minus(Duration.ofHours(1))));
    }

    /** Hands out at most {@code step} bytes a read, and remembers the largest read asked for. */
    private static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final int step;
        private int position;
        int largestRead;

        TrickleStream(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("reads one byte at a time");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRead = Math.max(largestRead, len);
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}
