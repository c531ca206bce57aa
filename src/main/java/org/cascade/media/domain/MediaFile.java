package org.cascade.media.domain;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * The storage media as a file the buyer keeps (and the browser stores in IndexedDB): a small
 * JSON document holding the sealed ROM and RAM parts. Its serial is only a label for people;
 * the sealed parts are what the center believes.
 */
public record MediaFile(String serial, String rom, String ram) {

    public static final String FORMAT = "cascade-media/1";
    public static final int MAX_LENGTH = 32_768;

    /** The file read back, or empty when it is not a media file at all. */
    public static Optional<MediaFile> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            if (!FORMAT.equals(o.getString("format", null))) {
                return Optional.empty();
            }
            String rom = o.getString("rom", null);
            String ram = o.getString("ram", null);
            if (rom == null || ram == null) {
                return Optional.empty();
            }
            return Optional.of(new MediaFile(o.getString("serial", ""), rom, ram));
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    public String toJson() {
        return Json.createObjectBuilder().add("format", FORMAT).add("serial", serial).add("rom", rom).add("ram", ram)
                .build().toString();
    }

    public String fileName() {
        return serial + ".cascade-media";
    }
}
