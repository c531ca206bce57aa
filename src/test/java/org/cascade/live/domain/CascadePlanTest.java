package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CascadePlanTest {

    static final LiveTerms TERMS = new LiveTerms(200, 3, Duration.ofMinutes(10));

    @Test
    void fig21ApplicantsCascadeFromTheirPrimaryShare() {
        // 1,000 applicants in the FIG. 21 ratios, a primary ability of 20 terminals
        List<String> d = EditPatternAllocationTest.designations("", 450, "member A", 300, "member B", 200, "other", 50);
        EditPatternAllocation primary = EditPatternAllocationTest.FIG21.allocate(d, 20);
        assertEquals(List.of(10L, 6L, 4L), primary.shares().stream().map(EditPatternAllocation.Share::terminals).toList());
        CascadePlan plan = CascadePlan.of(primary, TERMS, 5);
        CascadePlan.Stream entirety = plan.streams().get(0);
        // 500 applicants: 10, 30, 90, 270, then the 100 left
        assertEquals(List.of(10L, 30L, 90L, 270L, 100L), entirety.steps().stream().map(CascadePlan.Step::terminals).toList());
        assertEquals(List.of(10L, 30L, 90L, 34L, 0L), entirety.steps().stream().map(CascadePlan.Step::redistributors).toList());
        assertEquals(0, entirety.unplaced());
        assertEquals(20, plan.primaryTerminals());
        assertEquals(10 + 6 + 4, plan.redistributorsIn(1));
        assertEquals(0, plan.unplaced());
        long placed = 0;
        for (int n = 1; n <= 5; n++) {
            placed += plan.terminalsIn(n);
        }
        assertEquals(1_000, placed);
    }

    @Test
    void applicantsBeyondTheLastOrderAreReportedUnplaced() {
        EditPatternAllocation primary = EditPatternAllocation.of(java.util.Map.of("entirety", 100L), 10, 2);
        CascadePlan plan = CascadePlan.of(primary, TERMS, 2); // 2 + 6 = 8 places
        assertEquals(92, plan.unplaced());
        assertEquals(List.of(2L, 6L), plan.streams().get(0).steps().stream().map(CascadePlan.Step::terminals).toList());
        assertEquals(2, plan.redistributorsIn(1));
        CascadePlan wider = CascadePlan.of(primary, TERMS.underRanks(Rank.HIGH, Rank.LOW), 3); // 5 per terminal
        assertEquals(2 + 10 + 50, wider.streams().get(0).steps().stream().mapToLong(CascadePlan.Step::terminals).sum());
    }

    @Test
    void primaryApplicantsAreChargedWhenTheyReachTheSetCount() {
        Charging charging = new Charging(3);
        List<Application> primaries = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            primaries.add(application("p" + i, 1));
        }
        assertTrue(charging.primaryDue(primaries, Set.of()).isEmpty()); // S802: not yet
        primaries.add(application("p3", 1));
        assertEquals(List.of("p1", "p2", "p3"), ids(charging.primaryDue(primaries, Set.of()))); // S803: all at once
        primaries.add(application("p4", 1));
        assertEquals(List.of("p4"), ids(charging.primaryDue(primaries, Set.of("p1", "p2", "p3"))));
        assertThrows(IllegalArgumentException.class, () -> charging.primaryDue(List.of(application("s", 2)), Set.of()));
    }

    @Test
    void laterOrdersAreChargedWhenTheirDestinationIsSpecified() {
        Charging charging = new Charging(3);
        List<Application> later = List.of(application("s1", 2), application("s2", 2), application("t1", 3));
        assertTrue(charging.laterDue(later, Set.of(), Set.of()).isEmpty());
        assertEquals(List.of("s2", "t1"), ids(charging.laterDue(later, List.of("s2", "t1"), Set.of())));
        assertEquals(List.of("t1"), ids(charging.laterDue(later, List.of("s2", "t1"), Set.of("s2"))));
    }

    @Test
    void theRefundForRedistributionCountsSegmentsPerReceiverUpToThePrice() {
        RedistributionRefund refund = new RedistributionRefund(2, 30); // 2 yen per segment, 30 segments in the event
        RedistributionRefund.Refund r = refund.of(List.of(new RedistributionRefund.Relay("T1", 30),
                new RedistributionRefund.Relay("T2", 12), new RedistributionRefund.Relay("T2", 25)), 200, true);
        assertEquals(2, r.receivers());
        assertEquals(60, r.segments()); // T2 counted at most the event's 30
        assertEquals(120, r.amount());
        assertFalse(r.capped());
        RedistributionRefund.Refund big = refund.of(List.of(new RedistributionRefund.Relay("T1", 30),
                new RedistributionRefund.Relay("T2", 30), new RedistributionRefund.Relay("T3", 30),
                new RedistributionRefund.Relay("T4", 30)), 200, true);
        assertEquals(200, big.amount());
        assertTrue(big.capped());
        assertEquals(0, refund.of(List.of(new RedistributionRefund.Relay("T1", 30)), 200, false).amount());
        assertThrows(IllegalArgumentException.class, () -> new RedistributionRefund.Relay("T1", -1));
    }

    static Application application(String id, int order) {
        return new Application(id, "CM-" + id, order, Instant.parse("2025-11-01T00:00:00Z"), 200, EditPatterns.ENTIRETY,
                true, true, 0, 0);
    }

    static List<String> ids(List<Application> applications) {
        return applications.stream().map(Application::id).toList();
    }
}
