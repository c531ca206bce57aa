package org.cascade.swarm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.Base64;
import java.util.Map;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.domain.CommunicationState;
import org.junit.jupiter.api.Test;

class ChannelFramesTest {

    private static String bits(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void assertRefused(String key, org.junit.jupiter.api.function.Executable e) {
        assertEquals(key, assertThrows(RuleViolation.class, e).messageKey());
    }

    @Test
    void piecesAreCountedFromABitfieldThatFitsTheContentExactly() {
        assertEquals(10, ChannelFrames.countBits(bits(0xff, 0xc0), 10));
        assertEquals(1, ChannelFrames.countBits(bits(0x80), 1));
        assertEquals(0, ChannelFrames.countBits(bits(0, 0), 16));
        assertRefused("channel.pieces.invalid", () -> ChannelFrames.countBits(bits(0xff, 0xe0), 10)); // a bit past piece 9
        assertRefused("channel.pieces.invalid", () -> ChannelFrames.countBits(bits(0xff), 10));        // too short
        assertRefused("channel.pieces.invalid", () -> ChannelFrames.countBits(bits(0xff, 0, 0), 10));  // too long
        assertRefused("channel.pieces.invalid", () -> ChannelFrames.countBits("not*base64", 10));
    }

    @Test
    void framesMustBeObjectsWithAType() {
        assertEquals("hello", ChannelFrames.type(ChannelFrames.parse("{\"type\":\"hello\"}")));
        assertRefused("channel.frame.malformed", () -> ChannelFrames.parse("[1,2]"));
        assertRefused("channel.frame.malformed", () -> ChannelFrames.parse("{\"type\":3}"));
        assertRefused("channel.frame.malformed", () -> ChannelFrames.parse("{\"type\":"));
        assertRefused("channel.frame.large", () -> ChannelFrames.parse("{\"type\":\"x\",\"p\":\"" + "x".repeat(70_000) + "\"}"));
    }

    @Test
    void heartbeatsAndHellosAreCheckedFieldByField() {
        CommunicationState s = ChannelFrames.heartbeat(Json.createObjectBuilder().add("type", "heartbeat").add("cpuLoad", 0.5)
                .add("linkBytesPerSecond", 1_000_000).add("operatingRate", 0.9).add("transfers", 2).build());
        assertEquals(new CommunicationState(0.5, 1_000_000, 0.9, 2), s);
        assertRefused("channel.field.invalid", () -> ChannelFrames.heartbeat(Json.createObjectBuilder().add("cpuLoad", -0.1)
                .add("linkBytesPerSecond", 1).add("operatingRate", 1).add("transfers", 0).build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.heartbeat(Json.createObjectBuilder().add("cpuLoad", 0.1)
                .add("linkBytesPerSecond", 1.5).add("operatingRate", 1).add("transfers", 0).build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.heartbeat(Json.createObjectBuilder().add("cpuLoad", 0.1)
                .add("linkBytesPerSecond", 1).add("operatingRate", 1).build()));
        assertEquals("8 cores; Firefox", ChannelFrames.equipment(Json.createObjectBuilder()
                .add("equipment", Json.createObjectBuilder().add("cores", 8).add("userAgent", "Firefox")).build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.equipment(Json.createObjectBuilder()
                .add("equipment", Json.createObjectBuilder().add("cores", 0)).build()));
        Map<String, Integer> held = ChannelFrames.heldPieces(Json.createObjectBuilder().add("contents", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "CT-1").add("pieces", bits(0xa0)))).build(), id -> 3);
        assertEquals(Map.of("CT-1", 2), held);
        assertRefused("channel.field.invalid", () -> ChannelFrames.heldPieces(Json.createObjectBuilder()
                .add("contents", "none").build(), id -> 3));
    }
}
