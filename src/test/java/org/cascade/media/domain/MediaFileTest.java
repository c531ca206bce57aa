package org.cascade.media.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * MediaFile relies on a Jakarta JSON Processing implementation: the server has its own
 * (webProfile-10.0 includes jsonp-2.1) and the tests get org.eclipse.parsson:parsson in test
 * scope. Should that dependency go, {@code parse} would refuse every text and {@code toJson}
 * throw, so the tests needing JSON are then skipped rather than passing vacuously. Only the null
 * check, which comes before any JSON, runs regardless.
 */
class MediaFileTest {

    private static final MediaFile FILE = new MediaFile("CM-ABCD-EFGH", "rom.part.sig", "ram.part.sig");
    private static final boolean JSON_PROVIDER = jsonProviderPresent();

    private static boolean jsonProviderPresent() {
        try {
            JsonProvider.provider();
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    @BeforeEach
    void needsJsonProvider(TestInfo test) {
        if (!test.getTags().contains("noJson")) {
            assumeTrue(JSON_PROVIDER, "no Jakarta JSON Processing implementation on the test class path");
        }
    }

    private static void assertRefused(String text) {
        assertEquals(Optional.empty(), MediaFile.parse(text), () -> "accepted: " + text);
    }

    /** A well-formed media file whose rom part is padded so that the whole text is exactly {@code length} long. */
    private static String wellFormedOfLength(int length) {
        String head = "{\"format\":\"cascade-media/1\",\"serial\":\"CM-ABCD-EFGH\",\"rom\":\"";
        String tail = "\",\"ram\":\"m\"}";
        return head + "x".repeat(length - head.length() - tail.length()) + tail;
    }

    @Test
    void fileReadsBackEqualFromItsJson() {
        assertEquals(Optional.of(FILE), MediaFile.parse(FILE.toJson()));
    }

    @Test
    void jsonNamesTheFormat() {
        String json = FILE.toJson();

        assertTrue(json.contains("\"format\":\"cascade-media/1\""), json);
        assertEquals("CM-ABCD-EFGH.cascade-media", FILE.fileName());
    }

    @Test
    void missingSerialReadsAsEmptyLabel() {
        Optional<MediaFile> parsed = MediaFile.parse("{\"format\":\"cascade-media/1\",\"rom\":\"r\",\"ram\":\"m\"}");

        assertEquals(Optional.of(new MediaFile("", "r", "m")), parsed);
    }

    @Test
    void wrongOrMissingFormatIsRefused() {
        assertRefused("{\"format\":\"cascade-media/2\",\"serial\":\"CM-ABCD-EFGH\",\"rom\":\"r\",\"ram\":\"m\"}");
        assertRefused("{\"serial\":\"CM-ABCD-EFGH\",\"rom\":\"r\",\"ram\":\"m\"}");
        assertRefused("{\"format\":1,\"serial\":\"CM-ABCD-EFGH\",\"rom\":\"r\",\"ram\":\"m\"}");
    }

    @Test
    void missingOrNonTextPartsAreRefused() {
        assertRefused("{\"format\":\"cascade-media/1\",\"serial\":\"CM-ABCD-EFGH\",\"ram\":\"m\"}");
        assertRefused("{\"format\":\"cascade-media/1\",\"serial\":\"CM-ABCD-EFGH\",\"rom\":\"r\"}");
        assertRefused("{\"format\":\"cascade-media/1\",\"serial\":\"CM-ABCD-EFGH\",\"rom\":null,\"ram\":\"m\"}");
        assertRefused("{\"format\":\"cascade-media/1\",\"serial\":\"CM-ABCD-EFGH\",\"rom\":{},\"ram\":\"m\"}");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertRefused("CM-ABCD-EFGH");
        assertRefused("{\"format\":\"cascade-media/1\",");
        assertRefused("");
    }

    @Test
    @Tag("noJson")
    void nullIsRefused() {
        assertRefused(null);
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() {
        assertRefused("[\"cascade-media/1\",\"CM-ABCD-EFGH\",\"r\",\"m\"]");
        assertRefused("\"cascade-media/1\"");
        assertRefused("42");
    }

    @Test
    void overlongTextIsRefusedEvenIfWellFormed() {
        String longest = wellFormedOfLength(MediaFile.MAX_LENGTH);
        String overlong = wellFormedOfLength(MediaFile.MAX_LENGTH + 1);

        assertTrue(MediaFile.parse(longest).isPresent(), "a file of exactly the maximum length is accepted");
        assertRefused(overlong);
    }
}
