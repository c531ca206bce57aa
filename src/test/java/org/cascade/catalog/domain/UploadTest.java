package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class UploadTest {

    private static final long CAP = 4L << 30;
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Upload upload(long size) {
        return Upload.begin("holder-1", UploadPurpose.CONTENT, "film.mp4", size, CAP, NOW);
    }

    @Test
    void aNewUploadHasARandomUrlSafeIdAndLivesADay() {
        Upload a = upload(1000);
        Upload b = upload(1000);
        assertTrue(Upload.ID.matcher(a.id()).matches(), a.id());
        assertNotEquals(a.id(), b.id());
        assertEquals(0, a.receivedBytes());
        assertEquals(1000, a.remaining());
        assertEquals(NOW.plusSeconds(24 * 3600), a.expiresAt());
        assertFalse(a.isExpired(NOW.plusSeconds(24 * 3600 - 1)));
        assertTrue(a.isExpired(NOW.plusSeconds(24 * 3600)));
        assertTrue(a.belongsTo("holder-1"));
        assertFalse(a.belongsTo("holder-2"));
        assertFalse(a.isComplete());
    }

    @Test
    void theDeclaredSizeIsPositiveAndWithinThePurposesBound() {
        assertEquals(CAP, upload(CAP).declaredBytes());
        RuleViolation tooLarge = assertThrows(RuleViolation.class, () -> upload(CAP + 1));
        assertEquals("upload.size", tooLarge.messageKey());
        assertArrayEquals(new Object[] {CAP, "4 GiB"}, tooLarge.arguments());
        assertEquals("upload.size", assertThrows(RuleViolation.class, () -> upload(0)).messageKey());
        assertEquals("upload.size", assertThrows(RuleViolation.class, () -> upload(-5)).messageKey());

        long twoMiB = 2L << 20;
        assertEquals(twoMiB, Upload.begin("h", UploadPurpose.IMAGE, "a.png", twoMiB, CAP, NOW).declaredBytes());
        RuleViolation image = assertThrows(RuleViolation.class,
                () -> Upload.begin("h", UploadPurpose.IMAGE, "a.png", twoMiB + 1, CAP, NOW));
        assertArrayEquals(new Object[] {twoMiB, "2 MiB"}, image.arguments());
        // A center capped below 2 MiB caps images too.
        assertThrows(RuleViolation.class, () -> Upload.begin("h", UploadPurpose.IMAGE, "a.png", 1001, 1000, NOW));
    }

    @Test
    void chunksMustContinueWhereTheLastEnded() {
        Upload u = upload(1000);
        u.accept(0, 400);
        assertEquals(400, u.receivedBytes());

        RuleViolation repeated = assertThrows(RuleViolation.class, () -> u.accept(0, 400));
        assertEquals("upload.offset", repeated.messageKey());
        assertArrayEquals(new Object[] {400L}, repeated.arguments());
        RuleViolation gap = assertThrows(RuleViolation.class, () -> u.accept(500, 100));
        assertEquals("upload.offset", gap.messageKey());
        assertEquals(400, u.receivedBytes(), "a refused chunk counts nothing");
    }

    @Test
    void aChunkMayNotGoPastTheDeclaredSize() {
        Upload u = upload(1000);
        u.accept(0, 900);
        RuleViolation tooLong = assertThrows(RuleViolation.class, () -> u.accept(900, 101));
        assertEquals("upload.tooLong", tooLong.messageKey());
        assertArrayEquals(new Object[] {100L}, tooLong.arguments());
        assertThrows(RuleViolation.class, () -> u.requireAcceptable(900, -1));
        assertEquals(900, u.receivedBytes());
        u.requireAcceptable(900, 100);
        assertEquals(900, u.receivedBytes(), "checking accepts nothing");
        u.accept(900, 100);
        assertEquals(0, u.remaining());
        assertEquals("upload.tooLong", assertThrows(RuleViolation.class, () -> u.accept(1000, 1)).messageKey());
        u.accept(1000, 0);
        assertEquals(1000, u.receivedBytes());
    }

    @Test
    void completeOnlyOnceEveryDeclaredByteArrived() {
        Upload u = upload(1000);
        u.accept(0, 999);
        RuleViolation early = assertThrows(RuleViolation.class, () -> u.complete(NOW));
        assertEquals("upload.incomplete", early.messageKey());
        assertArrayEquals(new Object[] {999L, 1000L}, early.arguments());
        assertNull(u.completedAt());
        u.accept(999, 1);
        u.complete(NOW.plusSeconds(5));
        assertTrue(u.isComplete());
        u.complete(NOW.plusSeconds(60));
        assertEquals(NOW.plusSeconds(5), u.completedAt(), "completed once");
    }

    @Test
    void fileNamesAreMadeHarmless() {
        assertEquals("passwd", Upload.sanitiseFileName("../../etc/passwd"));
        assertEquals("report.pdf", Upload.sanitiseFileName("C:\\Users\\me\\report.pdf"));
        assertEquals("名前 付き 動画.mp4", Upload.sanitiseFileName("名前\t付き  動画.mp4"));
        // A right-to-left override would show "evil\u202Egpj.exe" as "evilexe.jpg".
        assertEquals("evilgpj.exe", Upload.sanitiseFileName("evil\u202Egpj.exe"));
        assertEquals("a_b_c_.txt", Upload.sanitiseFileName("a:b*c?.txt"));
        assertEquals("bashrc", Upload.sanitiseFileName(".bashrc"));
        assertEquals("name", Upload.sanitiseFileName("name. . "));
        assertEquals("line", Upload.sanitiseFileName("li\u0000ne\r\n"));
        assertEquals("caf\u00e9", Upload.sanitiseFileName("cafe\u0301"), "one form of each character (NFC)");
        for (String nothing : new String[] {"", "   ", "..", "/", "dir/", "\u202E", "\u0000"}) {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> Upload.sanitiseFileName(nothing), nothing);
            assertEquals("upload.fileName", refused.messageKey());
        }
        assertThrows(RuleViolation.class, () -> Upload.sanitiseFileName(null));
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String shortened = Upload.sanitiseFileName("x".repeat(500) + ".mkv");
        assertEquals(Upload.MAX_FILE_NAME, shortened.length());
        assertTrue(shortened.endsWith("x.mkv"), shortened);
        // Never half of a character outside the BMP.
        String emoji = Upload.sanitiseFileName("a" + "\uD83C\uDFAC".repeat(150) + ".mp4");
        assertTrue(emoji.length() <= Upload.MAX_FILE_NAME);
        assertTrue(emoji.endsWith(".mp4"));
        assertEquals(emoji.codePoints().filter(Character::isSupplementaryCodePoint).count() * 2 + 5, emoji.length());
        assertEquals(Upload.MAX_FILE_NAME, Upload.sanitiseFileName("y".repeat(300)).length());
        assertEquals("film.mp4", upload(1).fileName());
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals("4 GiB", Upload.readable(4L << 30));
        assertEquals("2 MiB", Upload.readable(2L << 20));
        assertEquals("1.5 KiB", Upload.readable(1536));
        assertEquals("1.9 GiB", Upload.readable((2L << 30) - 1), "rounded down, never overstated");
        assertEquals("900 B", Upload.readable(900));
    }
}
