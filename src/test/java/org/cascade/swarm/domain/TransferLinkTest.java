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

    /** A direct link asked for every piece it may carry. */
    static TransferLink p2p(int... wanted) {
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-RECV-0001", "t-r",
                "CM-DIST-0001", "t-d", LinkPath.P2P, PieceSet.of(10, wanted), NOW);
        if (wanted.length > 0) {
            link.ask(PieceSet.of(10, wanted), PieceSet.all(10), NOW);
        }
        return link;
    }

    @Test
    void reportsCountOnlyThePiecesTheLinkIsFor() {
        TransferLink link = p2p(0, 1, 2);
        link.receipt(PieceSet.of(10, 1, 2, 7), NOW);
        link.sent(PieceSet.of(10, 0, 1, 9));
        assertEquals(PieceSet.of(10, 1, 2), link.received());
        assertEquals(PieceSet.of(10, 0, 1), link.sent());
        assertEquals(2L * 262_144, link.receivedBytes());
        assertEquals(0, link.mismatchedPieces(), "an open link is still under way");
        link.close("interrupted", NOW);
        assertEquals(2, link.mismatchedPieces(), "pieces 0 and 2: one side only");
    }

    @Test
    void reportsCountOnlyPiecesTheLinkWasAskedFor() {
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-R", "t-r",
                "CM-D", "t-d", LinkPath.P2P, PieceSet.of(10, 0, 1, 2, 3), NOW);
        link.ask(PieceSet.of(10, 0, 1), PieceSet.all(10), NOW);
        link.receipt(PieceSet.of(10, 0, 2), NOW);
        link.sent(PieceSet.of(10, 1, 3));
        assertEquals(PieceSet.of(10, 0), link.received());
        assertEquals(PieceSet.of(10, 1), link.sent());
        assertThrows(IllegalArgumentException.class, () -> link.ask(PieceSet.of(10, 5), PieceSet.all(10), NOW),
                "the receiver did not lack piece 5 when the link opened");
        link.close("completed", NOW);
        assertThrows(IllegalStateException.class, () -> link.ask(PieceSet.of(10, 2), PieceSet.all(10), NOW));
    }

    @Test
    void whatALinkStillCarriesLeavesOutWhatCameOverAnotherLink() {
        TransferLink link = p2p(3, 4, 5);
        link.receipt(PieceSet.of(10, 3), NOW);
        PieceSet lacking = PieceSet.of(10, 4, 6, 7); // piece 5 came over another link
        assertEquals(PieceSet.of(10, 4), link.outstanding(lacking));
        assertTrue(link.retell(lacking), "its ends have not heard yet");
        assertFalse(link.retell(lacking), "nothing new to tell");
        assertTrue(link.retell(PieceSet.of(10, 6, 7)), "piece 4 came over another link too");
    }

    @Test
    void aLinkThatBringsNothingForAWhileIsSlowAndOneWithNothingToCarryIdle() {
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-R", "t-r",
                "CM-D", "t-d", LinkPath.P2P, PieceSet.of(10, 3, 4, 5), NOW);
        PieceSet lacking = PieceSet.all(10);
        link.ask(PieceSet.of(10, 3, 4), lacking, NOW);
        assertFalse(link.slow(lacking, NOW.plus(TransferLink.SLOW_AFTER)));
        assertTrue(link.slow(lacking, NOW.plus(TransferLink.SLOW_AFTER).plusSeconds(1)));
        link.receipt(PieceSet.of(10, 3), NOW.plusSeconds(30));
        assertFalse(link.slow(lacking, NOW.plusSeconds(31)), "a receipt of a new piece is progress");
        assertFalse(link.idle(lacking, NOW.plusSeconds(31)), "piece 4 is still to come");
        link.receipt(PieceSet.of(10, 4), NOW.plusSeconds(32));
        assertFalse(link.idle(lacking, NOW.plusSeconds(32)), "nothing to carry, but only just");
        assertTrue(link.idle(lacking, NOW.plusSeconds(32).plus(TransferLink.IDLE_GRACE)));
        assertFalse(link.slow(lacking, NOW.plusSeconds(100)), "nothing asked is not slow");
        link.ask(PieceSet.of(10, 5), lacking, NOW.plusSeconds(100));
        assertFalse(link.idle(lacking, NOW.plusSeconds(100)));
        assertFalse(link.slow(lacking, NOW.plusSeconds(110)), "asked afresh: its clock starts again");
    }

    @Test
    void theLastPieceIsShorterAndBytesFollowIt() {
        TransferLink link = p2p(8, 9);
        link.receipt(PieceSet.of(10, 9), NOW);
        assertEquals(262_144 - 1000, link.receivedBytes());
    }

    @Test
    void aReceiverFarBehindOnReceiptsIsOverdue() {
        PieceLayout big = new PieceLayout(40L * 262_144, 262_144);
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", big, "CM-R", "t-r",
                "CM-D", "t-d", LinkPath.P2P, PieceSet.all(40), NOW);
        link.ask(PieceSet.all(40), PieceSet.all(40), NOW);
        link.sent(PieceSet.of(40, java.util.stream.IntStream.range(0, TransferLink.RECEIPT_WINDOW).toArray()));
        assertFalse(link.receiptsOverdue());
        link.sent(PieceSet.of(40, TransferLink.RECEIPT_WINDOW));
        assertTrue(link.receiptsOverdue());
        link.receipt(PieceSet.of(40, 0, 1), NOW);
        assertFalse(link.receiptsOverdue());
    }

    @Test
    void theOriginSendsWithinItsWindowAndOnlyWhatTheLinkIsFor() {
        TransferLink link = new TransferLink("0f8fad5b-d9cb-469f-a165-70867728950e", "CT-AAAA-BBBB", LAYOUT, "CM-R", "t-r",
                null, null, LinkPath.ORIGIN, PieceSet.of(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), NOW);
        link.ask(PieceSet.of(10, 0, 1, 2, 3, 4, 5, 6, 7, 8), PieceSet.all(10), NOW);
        for (int i = 0; i < TransferLink.ORIGIN_WINDOW; i++) {
            assertTrue(link.originMaySend(i));
            link.sent(PieceSet.of(10, i));
        }
        assertFalse(link.originMaySend(8), "receipts first");
        link.receipt(PieceSet.of(10, 0), NOW);
        assertTrue(link.originMaySend(8));
        assertFalse(link.originMaySend(9), "not asked of this link");
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
        link.receipt(PieceSet.of(10, 0), NOW);
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
