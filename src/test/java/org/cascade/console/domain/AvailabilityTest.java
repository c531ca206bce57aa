package org.cascade.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.TerminalPresence;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    static final String CONTENT = "CT-AAAA-BBBB";

    private static TerminalPresence terminal(String serial, Map<String, PieceSet> claimed, Map<String, PieceSet> verified) {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        return new TerminalPresence("t-" + serial, serial, "127.0.0.1", "2 cores", "hi", claimed, verified,
                CommunicationState.UNKNOWN, at, at);
    }

    @Test
    void onlyPiecesClaimedAndVerifiedAreDistributableAndTheRestIsTheOrigins() {
        TerminalPresence whole = terminal("CM-2", Map.of(CONTENT, PieceSet.all(8)), Map.of(CONTENT, PieceSet.all(8)));
        TerminalPresence half = terminal("CM-1", Map.of(CONTENT, PieceSet.all(8)), Map.of(CONTENT, PieceSet.of(8, 0, 1, 2, 3)));
        TerminalPresence unverified = terminal("CM-3", Map.of(CONTENT, PieceSet.of(8, 5)), Map.of());
        TerminalPresence other = terminal("CM-4", Map.of("CT-OTHER", PieceSet.all(3)), Map.of("CT-OTHER", PieceSet.all(3)));

        Availability a = Availability.of(CONTENT, 8, List.of(half, unverified, other, whole));

        assertEquals(List.of("CM-2", "CM-1", "CM-3"), a.terminals().stream().map(Availability.Holding::serial).toList(),
                "the most distributable first; a terminal without the content is not listed");
        assertEquals(List.of(8, 4, 0), a.terminals().stream().map(Availability.Holding::distributable).toList());
        assertEquals(1, a.terminals().get(2).claimed());
        assertEquals(0, a.terminals().get(2).verified());
        assertTrue(a.terminals().get(0).whole(8));
        assertEquals(2, a.distributors());
        assertEquals(8, a.coveredPieces());
        assertEquals(0, a.originOnly());
    }

    @Test
    void piecesNoTerminalCanSendAreLeftToTheOrigin() {
        TerminalPresence some = terminal("CM-1", Map.of(CONTENT, PieceSet.of(10, 0, 1, 2)), Map.of(CONTENT, PieceSet.of(10, 1, 2, 3)));
        TerminalPresence more = terminal("CM-2", Map.of(CONTENT, PieceSet.of(10, 2, 7)), Map.of(CONTENT, PieceSet.of(10, 2, 7)));
        // A piece set of another size is not this content's pieces.
        TerminalPresence stale = terminal("CM-3", Map.of(CONTENT, PieceSet.all(4)), Map.of(CONTENT, PieceSet.all(4)));

        Availability a = Availability.of(CONTENT, 10, List.of(some, more, stale));

        assertEquals(3, a.coveredPieces(), "pieces 1, 2 and 7");
        assertEquals(7, a.originOnly());
        assertEquals(List.of("CM-1", "CM-2"), a.terminals().stream().map(Availability.Holding::serial).toList());
        assertEquals(0, Availability.of(CONTENT, 10, List.of()).coveredPieces());
    }
}
