package org.cascade.swarm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.Base64;
import java.util.Map;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.PieceSet;
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
    void piecesAreReadFromABitfieldThatFitsTheContentExactly() {
        assertEquals(10, PieceSet.fromBitfield(10, bits(0xff, 0xc0)).size());
        assertEquals(1, PieceSet.fromBitfield(1, bits(0x80)).size());
        assertEquals(0, PieceSet.fromBitfield(16, bits(0, 0)).size());
        assertRefused("channel.pieces.invalid", () -> PieceSet.fromBitfield(10, bits(0xff, 0xe0)).size()); // a bit past piece 9
        assertRefused("channel.pieces.invalid", () -> PieceSet.fromBitfield(10, bits(0xff)).size());        // too short
        assertRefused("channel.pieces.invalid", () -> PieceSet.fromBitfield(10, bits(0xff, 0, 0)).size());  // too long
        assertRefused("channel.pieces.invalid", () -> PieceSet.fromBitfield(10, "not*base64").size());
    }

    @Test
    void linkIdsAreTheCentersOwnUuidsAndTextsAreBounded() {
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", ChannelFrames.link(Json.createObjectBuilder()
                .add("link", "0f8fad5b-d9cb-469f-a165-70867728950e").build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.link(Json.createObjectBuilder().add("link", "../../etc").build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.link(Json.createObjectBuilder().add("link", 7).build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.content(Json.createObjectBuilder().add("content", "x".repeat(41)).build()));
        assertRefused("channel.field.invalid", () -> ChannelFrames.flag(Json.createObjectBuilder().add("auto", "yes").build(), "auto"));
        assertEquals("a b", ChannelFrames.optionalText(Json.createObjectBuilder().add("comment", "a\nb").build(), "comment", 200));
        assertEquals("", ChannelFrames.optionalText(Json.createObjectBuilder().build(), "comment", 200));
        assertRefused("channel.field.invalid", () -> ChannelFrames.optionalText(Json.createObjectBuilder()
                .add("comment", "x".repeat(201)).build(), "comment", 200));
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
        Map<String, PieceSet> held = ChannelFrames.heldPieces(Json.createObjectBuilder().add("contents", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "CT-1").add("pieces", bits(0xa0)))).build(), id -> 3);
        assertEquals(Map.of("CT-1", PieceSet.of(3, 0, 2)), held);
        assertRefused("channel.field.invalid", () -> ChannelFrames.heldPieces(Json.createObjectBuilder()
                .add("contents", "none").build(), id -> 3));
    }
}
