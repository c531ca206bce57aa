package org.cascade.swarm.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.PieceSet;

/**
 * Reading the frames terminals send: every field checked for type and range before anything
 * uses it. A frame that fails is refused with a {@link RuleViolation} naming what was wrong.
 */
final class ChannelFrames {

    /** The largest text frame a terminal may send. */
    static final int MAX_FRAME = 64 * 1024;
    static final int MAX_CONTENTS = 500;

    private ChannelFrames() {
    }

    static JsonObject parse(String text) {
        if (text.length() > MAX_FRAME) {
            throw new RuleViolation("channel.frame.large", MAX_FRAME);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o) || !(o.get("type") instanceof JsonString)) {
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

    /** The hello's equipment information, as one line: processor count and browser. */
    static String equipment(JsonObject hello) {
        JsonObject eq = object(hello, "equipment");
        long cores = number(eq, "cores", 1, 1024);
        String agent = eq.get("userAgent") instanceof JsonString s ? s.getString() : "";
        if (agent.length() > 300) {
            throw new RuleViolation("channel.field.invalid", "equipment.userAgent");
        }
        return cores + " cores; " + agent.replaceAll("\\p{Cntrl}", " ");
    }

    /**
     * The hello's held contents: for each content id, the pieces the terminal says it holds and
     * shares, read from a bitfield ({@link PieceSet#fromBitfield}) that must fit the content.
     */
    static Map<String, PieceSet> heldPieces(JsonObject hello, ToIntFunction<String> pieceCountOf) {
        if (!(hello.get("contents") instanceof JsonArray contents) || contents.size() > MAX_CONTENTS) {
            throw new RuleViolation("channel.field.invalid", "contents");
        }
        Map<String, PieceSet> held = new LinkedHashMap<>();
        for (JsonValue item : contents) {
            if (!(item instanceof JsonObject c) || !(c.get("id") instanceof JsonString id) || id.getString().length() > 40
                    || !(c.get("pieces") instanceof JsonString bits)) {
                throw new RuleViolation("channel.field.invalid", "contents");
            }
            int pieces = pieceCountOf.applyAsInt(id.getString());
            held.put(id.getString(), PieceSet.fromBitfield(pieces, bits.getString()));
        }
        return held;
    }

    /** A text field of at most {@code max} characters, without control characters. */
    static String text(JsonObject o, String name, int max) {
        if (!(o.get(name) instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > max
                || s.getString().chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return s.getString();
    }

    /** An optional text field: empty when absent. */
    static String optionalText(JsonObject o, String name, int max) {
        if (o.get(name) == null || o.get(name) == JsonValue.NULL) {
            return "";
        }
        if (!(o.get(name) instanceof JsonString s) || s.getString().length() > max) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return s.getString().replaceAll("\\p{Cntrl}", " ");
    }

    /** A link id: the center's own UUIDs only. */
    static String link(JsonObject o) {
        return id(o, "link");
    }

    /** An id the center made (a link, a visit): a UUID. */
    static String id(JsonObject o, String name) {
        String id = text(o, name, 36);
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return id;
    }

    /** A media serial, as users type it (any case). */
    static String serial(JsonObject o, String name) {
        String serial = text(o, name, 16).toUpperCase(java.util.Locale.ROOT);
        if (!serial.matches("CM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return serial;
    }

    /** A shelf's lines: at most {@code max} objects, each a content id and whether the owner recommends it. */
    static java.util.List<org.cascade.swarm.application.Shelves.Item> shelfItems(JsonObject list, int max) {
        if (!(list.get("items") instanceof JsonArray items) || items.size() > max) {
            throw new RuleViolation("channel.field.invalid", "items");
        }
        java.util.List<org.cascade.swarm.application.Shelves.Item> out = new java.util.ArrayList<>();
        for (JsonValue item : items) {
            if (!(item instanceof JsonObject i)) {
                throw new RuleViolation("channel.field.invalid", "items");
            }
            out.add(new org.cascade.swarm.application.Shelves.Item(content(i), flag(i, "recommended")));
        }
        return out;
    }

    static String content(JsonObject o) {
        return text(o, "content", 40);
    }

    static boolean flag(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null) {
            return false;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return v == JsonValue.TRUE;
    }

    static int integer(JsonObject o, String name, int min, int max) {
        return (int) number(o, name, min, max);
    }

    static long optionalNumber(JsonObject o, String name, long min, long max) {
        return o.get(name) == null ? 0 : number(o, name, min, max);
    }

    static JsonObject signalData(JsonObject o) {
        return object(o, "data");
    }

    static CommunicationState heartbeat(JsonObject frame) {
        return new CommunicationState(fraction(frame, "cpuLoad"), number(frame, "linkBytesPerSecond", 0, 10_000_000_000L),
                fraction(frame, "operatingRate"), (int) number(frame, "transfers", 0, 1000));
    }

    static JsonObject object(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonObject inner)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return inner;
    }

    private static long number(JsonObject o, String name, long min, long max) {
        if (!(o.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        long v;
        try {
            v = n.longValueExact();
        } catch (ArithmeticException e) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        if (v < min || v > max) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return v;
    }

    private static double fraction(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonNumber n)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        double v = n.doubleValue();
        if (!(v >= 0 && v <= 1)) {
            throw new RuleViolation("channel.field.invalid", name);
        }
        return v;
    }
}
