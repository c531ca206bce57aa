package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistributorSelectionTest {

    private static final CommunicationState FAST = new CommunicationState(0.1, 5_000_000, 1, 0);
    private static final CommunicationState SLOW = new CommunicationState(0.1, 50_000, 1, 0);

    private static DistributorCandidate candidate(String id, CommunicationState s, int held) {
        return new DistributorCandidate(id, "CM-" + id, s, held, false);
    }

    private static Optional<String> best(CommunicationState requester, DistributorCandidate... candidates) {
        return new DistributorSelection("T-me", "CM-me", requester, 10, List.of(candidates)).best()
                .map(DistributorCandidate::terminalId);
    }

    @Test
    void theRequesterItsMediaElsewhereCutOffOnesAndThoseHoldingNothingAreNeverChosen() {
        DistributorSelection s = new DistributorSelection("T-me", "CM-me", FAST, 10, List.of(
                candidate("T-me", FAST, 10),
                new DistributorCandidate("T-other-tab", "CM-me", FAST, 10, false),
                new DistributorCandidate("T-cut", "CM-cut", FAST, 10, true),
                candidate("T-empty", FAST, 0)));
        assertTrue(s.best().isEmpty());
        assertTrue(s.holderList().isEmpty());
        assertTrue(s.originNeeded());
    }

    @Test
    void aSimilarLinkIsPreferredWhenBothHoldEverything() {
        assertEquals(Optional.of("T-fast"), best(FAST, candidate("T-slow", SLOW, 10), candidate("T-fast", FAST, 10)));
        assertEquals(Optional.of("T-slow"), best(SLOW, candidate("T-slow", SLOW, 10), candidate("T-fast", FAST, 10)));
    }

    @Test
    void holdingAllThatIsWantedBeatsHoldingPart() {
        assertEquals(Optional.of("T-all"), best(FAST, candidate("T-part", FAST, 3), candidate("T-all", SLOW, 10)));
    }

    @Test
    void theLessLoadedIsPreferredAndOverloadedOnesOnlyAppearMarkedBusy() {
        CommunicationState loaded = new CommunicationState(0.6, 5_000_000, 1, 2);
        assertEquals(Optional.of("T-idle"), best(FAST, candidate("T-loaded", loaded, 10), candidate("T-idle", FAST, 10)));

        CommunicationState hot = new CommunicationState(0.95, 5_000_000, 1, 0);
        CommunicationState full = new CommunicationState(0.1, 5_000_000, 1, DistributorSelection.MAX_TRANSFERS);
        DistributorSelection s = new DistributorSelection("T-me", "CM-me", FAST, 10,
                List.of(candidate("T-hot", hot, 10), candidate("T-full", full, 10)));
        assertTrue(s.best().isEmpty(), "busy terminals are not chosen automatically");
        assertTrue(s.originNeeded());
        assertEquals(2, s.holderList().size());
        assertTrue(s.holderList().stream().allMatch(DistributorSelection.Ranked::busy), "but the user may still pick one");
    }

    @Test
    void equalCandidatesAreRankedTheSameWayEveryTime() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of("T-a"), best(FAST, candidate("T-b", FAST, 10), candidate("T-a", FAST, 10)));
        }
    }

    @Test
    void similarityAndQualityStayBetweenZeroAndOne() {
        assertEquals(1.0, DistributorSelection.similarity(FAST, FAST), 1e-9);
        assertTrue(DistributorSelection.similarity(FAST, SLOW) < 0.6);
        assertEquals(0.75, DistributorSelection.similarity(CommunicationState.UNKNOWN, FAST), 1e-9);
        assertEquals(1.0, DistributorSelection.quality(new CommunicationState(0, 20_000_000, 1, 0)), 1e-9);
        assertEquals(0.5, DistributorSelection.quality(CommunicationState.UNKNOWN), 1e-9);
        assertFalse(DistributorSelection.busy(FAST));
    }
}
