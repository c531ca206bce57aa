package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiecePlanTest {

    static final int N = 8;

    static PiecePlan.Source terminal(String link, PieceSet held, int... outstanding) {
        return new PiecePlan.Source(link, false, held, PieceSet.of(N, outstanding));
    }

    static PiecePlan.Source origin(int... outstanding) {
        return new PiecePlan.Source("origin", true, PieceSet.all(N), PieceSet.of(N, outstanding));
    }

    static int[] counts(int... perPiece) {
        return perPiece;
    }

    static final int[] NONE = new int[N];
    static final boolean[] NOW_NONE = new boolean[N];

    @Test
    void eachTerminalIsAskedForTheRarestPiecesItHoldsAFewAtATime() {
        // Piece 5 is held by one terminal only, 2 by two, the rest by three.
        int[] holders = counts(3, 3, 2, 3, 3, 1, 3, 3);
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), holders, counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 7)
                .plan(List.of(terminal("a", PieceSet.all(N))));
        assertEquals(PiecePlan.PIPELINE, r.askedOf("a").size());
        assertTrue(r.askedOf("a").contains(5) && r.askedOf("a").contains(2), "the two rarest: " + r.askedOf("a"));
        assertEquals(N - PiecePlan.PIPELINE, r.unasked().size());
        assertFalse(r.endgame());
    }

    @Test
    void terminalsTakeTurnsAndNoPieceIsAskedTwiceBeforeTheEndgame() {
        PieceSet evens = PieceSet.of(N, 0, 2, 4, 6);
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(2, 1, 2, 1, 2, 1, 2, 1), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 1)
                .plan(List.of(terminal("a", PieceSet.all(N)), terminal("b", evens)));
        PieceSet a = r.askedOf("a");
        PieceSet b = r.askedOf("b");
        assertEquals(2, a.size());
        assertEquals(2, b.size());
        assertTrue(a.intersect(b).isEmpty(), "one source per piece");
        assertTrue(b.minus(evens).isEmpty(), "b holds only the even pieces");
        assertTrue(a.stream().allMatch(i -> i % 2 == 1), "a's rarest are the odd pieces, held by a alone: " + a);
    }

    @Test
    void aSourceWithPiecesUnderWayIsAskedOnlyToFillItsPipeline() {
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 1, 1), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 3)
                .plan(List.of(terminal("a", PieceSet.all(N), 0), terminal("b", PieceSet.all(N), 1, 2)));
        assertEquals(1, r.askedOf("a").size());
        assertNull(r.askedOf("b"), "b has a full pipeline");
        assertFalse(r.askedOf("a").contains(0) || r.askedOf("a").contains(1) || r.askedOf("a").contains(2));
    }

    @Test
    void receiversAskingTogetherStartOnDifferentPieces() {
        PieceSet lacking = PieceSet.all(N);
        int[] holders = counts(1, 1, 1, 1, 1, 1, 1, 1);
        PieceSet first = new PiecePlan(lacking, holders, counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, "CM-AAAA-0001".hashCode())
                .plan(List.of(terminal("a", PieceSet.all(N)))).askedOf("a");
        PieceSet second = new PiecePlan(lacking, holders, counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, "CM-AAAA-0002".hashCode())
                .plan(List.of(terminal("a", PieceSet.all(N)))).askedOf("a");
        assertNotEquals(first, second);
    }

    @Test
    void aUserPlayingWhileReceivingGetsPiecesInOrder() {
        PieceSet lacking = PieceSet.of(N, 2, 3, 4, 5, 6, 7);
        PiecePlan.Result r = new PiecePlan(lacking, counts(1, 1, 3, 3, 3, 1, 1, 1), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, true, 9)
                .plan(List.of(terminal("a", PieceSet.all(N)), terminal("b", PieceSet.all(N))));
        assertEquals(PieceSet.of(N, 2, 4), r.askedOf("a"));
        assertEquals(PieceSet.of(N, 3, 5), r.askedOf("b"));
    }

    @Test
    void theOriginSendsOnlyWhatNoTerminalSourceHolds() {
        PieceSet firstSix = PieceSet.of(N, 0, 1, 2, 3, 4, 5);
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 1, 1), NONE, NOW_NONE, false, 5)
                .plan(List.of(terminal("a", firstSix), origin()));
        assertEquals(PieceSet.of(N, 6, 7), r.askedOf("origin"), "a holds 0-5: the origin sends 6 and 7");
        PiecePlan.Result both = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 1, 1), NONE, NOW_NONE, false, 5)
                .plan(List.of(terminal("a", firstSix), terminal("b", PieceSet.of(N, 6, 7)), origin()));
        assertNull(both.askedOf("origin"), "terminals hold everything: they send it");
    }

    @Test
    void aPieceTwoTerminalsHoldIsLeftToThemEvenWhenTheyAreNotTheReceiversSources() {
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 2, 0), NONE, NOW_NONE, false, 5)
                .plan(List.of(terminal("a", PieceSet.of(N, 0, 1, 2, 3, 4, 5)), origin()));
        assertEquals(PieceSet.of(N, 7), r.askedOf("origin"), "piece 6 is in the swarm twice: a terminal will be linked for it");
        assertTrue(r.unasked().contains(6));
    }

    @Test
    void theOriginNeverSendsTwoReceiversTheSamePieceAtOnce() {
        int[] sending = counts(1, 1, 1, 0, 1, 1, 0, 1);
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 1, 1), sending, NOW_NONE, false, 5)
                .plan(List.of(origin()));
        assertEquals(PieceSet.of(N, 3, 6), r.askedOf("origin"), "it is sending the others to someone else already");
    }

    @Test
    void aReceiverWhoseHoldersAreAllBusyTakesFromTheOriginWhatItIsNotSendingElsewhere() {
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 1, 1), counts(1, 0, 0, 0, 0, 0, 0, 0), NOW_NONE,
                false, 5).plan(List.of(origin(0)));
        assertEquals(PiecePlan.PIPELINE - 1, r.askedOf("origin").size(), "its pipeline filled, nothing more");
        assertFalse(r.askedOf("origin").contains(0));
    }

    @Test
    void aPieceTheOriginSentMomentsAgoIsLeftToItsReceiverToPassOn() {
        boolean[] justNow = new boolean[N];
        justNow[6] = true;
        PiecePlan.Result r = new PiecePlan(PieceSet.all(N), counts(1, 1, 1, 1, 1, 1, 0, 0), NONE, justNow, false, 5)
                .plan(List.of(terminal("a", PieceSet.of(N, 0, 1, 2, 3, 4, 5)), origin()));
        assertEquals(PieceSet.of(N, 7), r.askedOf("origin"), "its receiver of moments ago is about to hold piece 6");
        assertTrue(r.unasked().contains(6));
        boolean[] allJustNow = new boolean[N];
        java.util.Arrays.fill(allJustNow, true);
        PiecePlan.Result alone = new PiecePlan(PieceSet.of(N, 6, 7), counts(1, 1, 1, 1, 1, 1, 0, 0), NONE, allJustNow, false, 5)
                .plan(List.of(origin()));
        assertEquals(PieceSet.of(N, 6, 7), alone.askedOf("origin"), "nothing else would come: the receiver does not wait for a maybe");
    }

    @Test
    void inTheEndgameSpareRoomTakesSecondCopiesOfPiecesStillUnderWay() {
        PieceSet lacking = PieceSet.of(N, 6, 7);
        PiecePlan.Result r = new PiecePlan(lacking, counts(1, 1, 1, 1, 1, 1, 2, 2), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 5)
                .plan(List.of(terminal("slow", PieceSet.all(N), 6, 7), terminal("fast", PieceSet.all(N)), origin()));
        assertTrue(r.endgame());
        assertEquals(PieceSet.of(N, 6, 7), r.askedOf("fast"), "a second copy of each");
        assertNull(r.askedOf("slow"));
        assertNull(r.askedOf("origin"), "the origin takes no copies");
        assertTrue(r.unasked().isEmpty());
        PiecePlan.Result third = new PiecePlan(lacking, counts(1, 1, 1, 1, 1, 1, 2, 2), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 5)
                .plan(List.of(terminal("slow", PieceSet.all(N), 6, 7), terminal("fast", PieceSet.all(N), 6, 7),
                        terminal("new", PieceSet.all(N))));
        assertNull(third.askedOf("new"), "never more than " + PiecePlan.MAX_COPIES + " copies at once");
    }

    @Test
    void noEndgameWhilePiecesAreLeftThatSomeSourceCouldBeAskedFor() {
        PieceSet lacking = PieceSet.of(N, 5, 6, 7);
        PiecePlan.Result r = new PiecePlan(lacking, counts(1, 1, 1, 1, 1, 2, 2, 2), counts(1, 1, 1, 1, 1, 1, 1, 1), NOW_NONE, false, 5)
                .plan(List.of(terminal("a", PieceSet.of(N, 5), 5), terminal("b", PieceSet.of(N, 6, 7))));
        assertFalse(r.askedOf("b").contains(5), "piece 5 is under way; b takes what is left first");
        assertEquals(PieceSet.of(N, 6, 7), r.askedOf("b"));
    }

    @Test
    void countsMustFitTheContent() {
        assertThrows(IllegalArgumentException.class, () -> new PiecePlan(PieceSet.all(N), new int[3], NONE, NOW_NONE, false, 0));
        assertEquals(3, PiecePlan.holders(N, List.of(PieceSet.of(N, 1), PieceSet.of(N, 1, 2), PieceSet.of(N, 1)))[1]);
    }
}
