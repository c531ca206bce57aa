package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class TransferLinkTest {

    static final PieceLayout LAYOUT = new PieceLayout(10L * 262_144 - 1000, 262_144);
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static TransferLink p2p(int... wanted) {
        return new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-RECV-0001", "t-r",
                "CM-DIST-0001", "t-d", LinkPath.P2P, PieceSet.of(10, wanted), NOW);
    }

    @Test
    void reportsCountOnlyThePiecesTheLinkIsFor() {
        TransferLink link = p2p(0, 1, 2);
        link.receipt(PieceSet.of(10, 1, 2, 7));
        link.sent(PieceSet.of(10, 0, 1, 9));
        assertEquals(PieceSet.of(10, 1, 2), link.received());
        assertEquals(PieceSet.of(10, 0, 1), link.sent());
        assertEquals(2L * 262_144, link.receivedBytes());
        assertEquals(0, link.mismatchedPieces(), "an open link is still under way");
        link.close("interrupted", NOW);
        assertEquals(2, link.mismatchedPieces(), "pieces 0 and 2: one side only");
    }

    @Test
    void aLinkIsDeliveredWhenEveryPieceItWasForIsReceipted() {
        TransferLink link = p2p(3, 4);
        link.receipt(PieceSet.of(10, 3));
        assertFalse(link.delivered());
        link.receipt(PieceSet.of(10, 4));
        assertTrue(link.delivered());
    }

    @Test
    void theLastPieceIsShorterAndBytesFollowIt() {
        TransferLink link = p2p(8, 9);
        link.receipt(PieceSet.of(10, 9));
        assertEquals(262_144 - 1000, link.receivedBytes());
    }

    @Test
    void aReceiverFarBehindOnReceiptsIsOverdue() {
        PieceLayout big = new PieceLayout(40L * 262_144, 262_144);
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", big, "CM-R", "t-r",
                "CM-D", "t-d", LinkPath.P2P, PieceSet.all(40), NOW);
        link.sent(PieceSet.of(40, java.util.stream.IntStream.range(0, TransferLink.RECEIPT_WINDOW).toArray()));
        assertFalse(link.receiptsOverdue());
        link.sent(PieceSet.of(40, TransferLink.RECEIPT_WINDOW));
        assertTrue(link.receiptsOverdue());
        link.receipt(PieceSet.of(40, 0, 1));
        assertFalse(link.receiptsOverdue());
    }

    @Test
    void theOriginSendsWithinItsWindowAndOnlyWhatTheLinkIsFor() {
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-R", "t-r",
                null, null, LinkPath.ORIGIN, PieceSet.of(10, 0, 1, 2, 3, 4, 5, 6, 7, 8), NOW);
        for (int i = 0; i < TransferLink.ORIGIN_WINDOW; i++) {
            assertTrue(link.originMaySend(i));
            link.sent(PieceSet.of(10, i));
        }
        assertFalse(link.originMaySend(8), "receipts first");
        link.receipt(PieceSet.of(10, 0));
        assertTrue(link.originMaySend(8));
        assertFalse(link.originMaySend(9), "not a piece of this link");
        assertFalse(link.originMaySend(-1));
        link.close("completed", NOW);
        assertFalse(link.originMaySend(8), "closed");
    }

    @Test
    void onlyAnOpenDirectLinkTakesTheRelay() {
        TransferLink link = p2p(0);
        link.takeRelay();
        assertEquals(LinkPath.RELAY, link.path());
        assertEquals("channel.link.relay", assertThrows(RuleViolation.class, link::takeRelay).messageKey());
        TransferLink closed = p2p(0);
        closed.close("partner-left", NOW);
        assertThrows(RuleViolation.class, closed::takeRelay);
    }

    @Test
    void aClosedLinkTakesLateReportsButStaysClosed() {
        TransferLink link = p2p(0, 1);
        link.close("partner-left", NOW);
        link.close("completed", NOW.plusSeconds(5));
        assertEquals("partner-left", link.closeReason());
        link.receipt(PieceSet.of(10, 0));
        link.sent(PieceSet.of(10, 0));
        assertEquals(1, link.receivedPieceCount());
        assertEquals(0, link.mismatchedPieces());
        assertFalse(link.open());
    }

    @Test
    void endsAndPartners() {
        TransferLink link = p2p(0);
        assertTrue(link.hasEnd("t-r"));
        assertTrue(link.hasEnd("t-d"));
        assertFalse(link.hasEnd("t-x"));
        assertEquals("t-d", link.partnerOf("t-r"));
        assertEquals("t-r", link.partnerOf("t-d"));
    }

    @Test
    void originLinksHaveNoDistributorAndEveryLinkIsForSomething() {
        assertThrows(IllegalArgumentException.class, () -> new TransferLink("x", "CT", LAYOUT, "CM-R", "t-r", "CM-D", "t-d",
                LinkPath.ORIGIN, PieceSet.of(10, 0), NOW));
        assertThrows(IllegalArgumentException.class, () -> new TransferLink("x", "CT", LAYOUT, "CM-R", "t-r", null, null,
                LinkPath.P2P, PieceSet.of(10, 0), NOW));
        assertThrows(IllegalArgumentException.class, () -> p2p());
    }

    @Test
    void theThirdFailedPieceCutsTheDistributorOffOnce() {
        DistributorStrikes s = new DistributorStrikes("CM-D", "CT-AAAA-BBBB");
        assertFalse(s.failed(NOW));
        assertFalse(s.failed(NOW));
        assertTrue(s.failed(NOW));
        assertTrue(s.cutOff());
        assertFalse(s.failed(NOW), "cut off already");
        assertEquals(4, s.failures());
    }

    @Test
    void aPresenceMayOfferOnlyPiecesItClaimsAndVerified() {
        TerminalPresence p = new TerminalPresence("t", "CM-1", "127.0.0.1", "2 cores", "", java.util.Map.of("CT-1", PieceSet.of(4, 0, 1, 2)),
                java.util.Map.of(), CommunicationState.UNKNOWN, NOW, NOW);
        assertEquals(null, p.held("CT-1"), "nothing verified");
        p = p.verifiedPieces("CT-1", PieceSet.of(4, 1, 2, 3));
        assertEquals(PieceSet.of(4, 1, 2), p.held("CT-1"));
        assertEquals(java.util.Map.of("CT-1", 2), p.heldCounts());
        p = p.claims("CT-1", PieceSet.none(4));
        assertEquals(null, p.held("CT-1"), "no longer shared");
    }
}
