package org.cascade.live.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;

/**
 * Reading the frames viewers send on the live channel: every field checked for type, size and
 * range before anything uses it; a frame that fails is refused with a {@link RuleViolation}.
 */
final class LiveFrames {

    /** A WebRTC description with its candidates fits in a few KiB; a report of a minute's segments in less. */
    static final int MAX_FRAME = 16 * 1024;
    /** The most segment numbers one report carries. */
    static final int MAX_REPORTED = 600;

    private LiveFrames() {
    }

    static JsonObject parse(String text) {
        if (text.length() > MAX_FRAME) {
            throw new RuleViolation("channel.frame.large", MAX_FRAME);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            if (!(reader.readValue() instanceof JsonObject o) || !(o.get("type") instanceof JsonString)) {
                throw new RuleViolation("channel.frame.malformed");
            }
            return o;
        } catch (JsonParsingException | IllegalStateException e) {
            throw new RuleViolation("channel.frame.malformed");
        }
    }

    static String type(JsonObject frame) {
        return frame.getString("type");
    }

    /** An event id as the center makes them (LV- and two groups). */
    static String event(JsonObject o) {
        return matching(o, "event", "LV-[0-9A-Z]{4}-[0-9A-Z]{4}");
    }

    /** An application id as the center makes them (LA- and three groups). */
    static String application(JsonObject o, String name) {
        return matching(o, name, "LA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    }

    static JsonObject object(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonObject inner)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return inner;
    }

    static long number(JsonObject o, String name, long min, long max) {
        if (!(o.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        try {
            long v = n.longValueExact();
            if (v < min || v > max) {
                throw new RuleViolation("channel.field.invalid", name);
            }
            return v;
        } catch (ArithmeticException e) {
            throw new RuleViolation("channel.field.invalid", name);
        }
    }

    /** Segment numbers: at most {@value #MAX_REPORTED}, each 0 or more. */
    static List<Long> segments(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonArray a) || a.isEmpty() || a.size() > MAX_REPORTED) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        List<Long> out = new ArrayList<>();
        for (JsonValue v : a) {
            if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw new RuleViolation("channel.field.invalid", name);
            }
            out.add(n.longValue());
        }
        return out;
    }

    private static String matching(JsonObject o, String name, String pattern) {
        if (!(o.get(name) instanceof JsonString s) || s.getString().length() > 40 || !s.getString().matches(pattern)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return s.getString();
    }
}
