package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ContentTest {

    private static final Instant REGISTERED = Instant.parse("2025-04-01T09:00:00Z");
    private static final Instant LISTED = Instant.parse("2025-04-01T09:05:00Z");

    private static Writer writer() {
        return new Writer("Aoi Writer", "Writes songs", "bank:0001-123");
    }

    private static Content content(String name, Genre genre, long size, long previewBytes) {
        return new Content("C0000000000000A1", "holder-7", name, "A summary", genre, writer(), new ContentTerms(800, true, 20),
                "live.mp4", "video/mp4", size, previewBytes, REGISTERED);
    }

    private static Content content() {
        return content("Live At Budokan", Genre.MUSIC, 10_000, 1_000);
    }

    private static void assertRefused(String key, Executable e) {
        assertEquals(key, assertThrows(RuleViolation.class, e).messageKey());
    }

    @Test
    void newContentIsProcessingAndNotListed() {
        Content c = content();

        assertEquals(ContentStatus.PROCESSING, c.status());
        assertFalse(c.listed());
        assertNull(c.rootHash());
        assertNull(c.listedAt());
        assertEquals(REGISTERED, c.registeredAt());
    }

    @Test
    void newContentKeepsItsFieldsAndTerms() {
        Content c = content();

        assertEquals("C0000000000000A1", c.id());
        assertEquals("holder-7", c.holder());
        assertEquals("Live At Budokan", c.name());
        assertEquals(Genre.MUSIC, c.genre());
        assertEquals("Aoi Writer", c.writer().name());
        assertEquals(800, c.unitCost());
        assertTrue(c.redistributionAllowed());
        assertEquals(20, c.redistributorSharePercent());
        assertEquals("video/mp4", c.mediaType());
        assertEquals(10_000, c.size());
        assertEquals(1_000, c.previewBytes());
        assertEquals(0, c.ratingCount());
        assertEquals(0, c.averageRatingTenths());
    }

    @Test
    void listingCarriesTheManifestAndListedAt() {
        Content c = content();

        SealedManifest kept = c.list("sealed.manifest.jws", "abcd", LISTED);

        assertEquals(ContentStatus.LISTED, c.status());
        assertTrue(c.listed());
        assertEquals("sealed.manifest.jws", kept.jws());
        assertEquals(c.id(), kept.contentId());
        assertEquals("abcd", c.rootHash());
        assertEquals(LISTED, c.listedAt());
    }

    @Test
    void listingAContentNotProcessingIsIllegal() {
        Content listed = content();
        listed.list("m", "r", LISTED);
        Content rejected = content();
        rejected.reject("bad");

        assertThrows(IllegalStateException.class, () -> listed.list("m2", "r2", LISTED));
        assertThrows(IllegalStateException.class, () -> rejected.list("m", "r", LISTED));
        assertEquals("r", listed.rootHash());
        assertEquals(ContentStatus.REJECTED, rejected.status());
    }

    @Test
    void rejectionKeepsTheReasonTruncatedTo200() {
        Content shortReason = content();
        shortReason.reject("IOException");
        Content longReason = content();
        longReason.reject("x".repeat(250));

        assertEquals(ContentStatus.REJECTED, shortReason.status());
        assertFalse(shortReason.listed());
        assertEquals("IOException", shortReason.rejection());
        assertEquals("x".repeat(200), longReason.rejection());
    }

    @Test
    void nameIsCleanedOfControlCharactersAndTrimmed() {
        Content c = content("  Live\u0007 At\u0000 Budokan \t\n", Genre.MUSIC, 10, 0);

        assertEquals("Live At Budokan", c.name());
    }

    @Test
    void nameKeyFoldsCaseAndRunsOfSpaces() {
        assertEquals("live at budokan", Content.nameKey("Live  At\tBudokan"));
        assertEquals(Content.nameKey("live at budokan"), Content.nameKey("Live  At\tBudokan"));
        assertEquals(Content.nameKey("LIVE AT BUDOKAN"), Content.nameKey("  live   at budokan "));
    }

    @Test
    void blankOrTooLongNameIsRefused() {
        assertRefused("content.name.invalid", () -> content("   ", Genre.MUSIC, 10, 0));
        assertRefused("content.name.invalid", () -> content("\u0000 \u0007 \u0000", Genre.MUSIC, 10, 0));
        assertRefused("content.name.invalid", () -> content(null, Genre.MUSIC, 10, 0));
        assertRefused("content.name.invalid", () -> content("n".repeat(Content.MAX_NAME + 1), Genre.MUSIC, 10, 0));
        assertEquals(Content.MAX_NAME, content("n".repeat(Content.MAX_NAME), Genre.MUSIC, 10, 0).name().length());
    }

    @Test
    void genreIsRequired() {
        assertRefused("content.genre.required", () -> content("Name", null, 10, 0));
    }

    @Test
    void emptyFileIsRefused() {
        assertRefused("content.file.empty", () -> content("Name", Genre.MUSIC, 0, 0));
    }

    @Test
    void previewMustLieWithinTheFile() {
        assertRefused("content.preview.range", () -> content("Name", Genre.MUSIC, 10, 11));
        assertRefused("content.preview.range", () -> content("Name", Genre.MUSIC, 10, -1));
        assertEquals(10, content("Name", Genre.MUSIC, 10, 10).previewBytes());
    }

    @Test
    void ratingsKeepCountAndAverageInTenths() {
        Content c = content();

        c.rated(0, 4);
        c.rated(0, 2);
        assertEquals(2, c.ratingCount());
        assertEquals(30, c.averageRatingTenths());

        c.rated(4, 5); // the first user changes 4 to 5
        assertEquals(2, c.ratingCount());
        assertEquals(35, c.averageRatingTenths());
    }

    @Test
    void completedReceptionsAndThoseATerminalTookPartInAreCounted() {
        Content c = content();
        c.received(false);
        c.received(true);
        c.received(true);
        assertEquals(3, c.receptions());
        assertEquals(2, c.redistributions());
    }

    @Test
    void declaredMediaTypeIsNormalised() {
        Content c = new Content("C0000000000000A1", "holder-7", "Name", null, Genre.MOVIE, writer(), new ContentTerms(0, false, 0),
                "movie.mp4", " Video/MP4; codecs=avc1 ", 10, 0, REGISTERED);

        assertEquals("video/mp4", c.mediaType());
    }

    @Test
    void mediaTypesNormaliseStripsParametersAndLowerCases() {
        assertEquals("video/mp4", MediaTypes.normalise("Video/MP4; codecs=\"avc1\""));
        assertEquals("audio/mpeg", MediaTypes.normalise("  AUDIO/MPEG  "));
        assertEquals("text/plain", MediaTypes.normalise("text/plain;charset=UTF-8"));
    }

    @Test
    void mediaTypesNormaliseMapsJunkToOctetStream() {
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise(null));
        assertEquals("application/octet-stream", MediaTypes.normalise(""));
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise("not a type"));
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise("video"));
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise("video/mp4\r\nX-Injected: 1"));
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise("<script>/x"));
        assertEquals(MediaTypes.GENERIC, MediaTypes.normalise("a/" + "b".repeat(100)));
    }

    @Test
    void previewKindFollowsTheMediaType() {
        assertEquals("video", MediaTypes.previewKind("video/mp4"));
        assertEquals("audio", MediaTypes.previewKind("audio/mpeg"));
        assertEquals("image", MediaTypes.previewKind("image/png"));
        assertEquals("image", MediaTypes.previewKind("image/jpeg"));
        assertEquals("download", MediaTypes.previewKind("image/svg+xml"));
        assertEquals("download", MediaTypes.previewKind("application/pdf"));
        assertEquals("download", MediaTypes.previewKind(MediaTypes.GENERIC));
    }
}
