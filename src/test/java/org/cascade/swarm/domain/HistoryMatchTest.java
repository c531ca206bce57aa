package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistoryMatchTest {

    @Test
    void onlyPiecesBothSidesReportSettleAndTheRestAreMismatches() {
        HistoryMatch m = new HistoryMatch(PieceSet.of(8, 0, 1, 2, 5), PieceSet.of(8, 0, 1, 2, 3), PieceSet.none(8));
        assertEquals(PieceSet.of(8, 0, 1, 2), m.settleable());
        assertEquals(PieceSet.of(8, 3, 5), m.mismatches());
    }

    @Test
    void repeatedAndReorderedReportsNeverSettleAPieceTwice() {
        PieceSet settled = PieceSet.none(6);
        // The distributor's report first (nothing to settle), the receipt later; then both again.
        HistoryMatch early = new HistoryMatch(PieceSet.none(6), PieceSet.of(6, 0, 1), settled);
        assertTrue(early.settleable().isEmpty());
        HistoryMatch late = new HistoryMatch(PieceSet.of(6, 0, 1), PieceSet.of(6, 0, 1), settled);
        settled = settled.union(late.settleable());
        assertEquals(2, settled.size());
        HistoryMatch again = new HistoryMatch(PieceSet.of(6, 0, 1), PieceSet.of(6, 0, 1), settled);
        assertTrue(again.settleable().isEmpty(), "a repeated report settles nothing");
        assertTrue(again.mismatches().isEmpty());
        HistoryMatch more = new HistoryMatch(PieceSet.of(6, 0, 1, 4), PieceSet.of(6, 0, 1, 4), settled);
        assertEquals(PieceSet.of(6, 4), more.settleable());
    }

    @Test
    void aBitfieldSaysTheSamePiecesBackAndForth() {
        PieceSet s = PieceSet.of(10, 0, 7, 8, 9);
        assertEquals("gcA", s.toBitfield());
        assertEquals(s, PieceSet.fromBitfield(10, s.toBitfield()));
        assertEquals(PieceSet.none(16384), PieceSet.fromBitfield(16384, PieceSet.none(16384).toBitfield()));
    }

    @Test
    void piecesOfAnotherContentOrOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PieceSet.of(4, 4));
        assertThrows(IllegalArgumentException.class, () -> PieceSet.of(4, -1));
        assertThrows(IllegalArgumentException.class, () -> PieceSet.of(4, 1).union(PieceSet.of(5, 1)));
        assertThrows(IllegalArgumentException.class, () -> PieceSet.none(0));
    }
}
