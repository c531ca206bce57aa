package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class EditPatternAllocationTest {

    static final EditPatterns FIG21 = new EditPatterns(List.of("member A", "member B", "other"), 10);

    static List<String> designations(Object... patternAndCount) {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < patternAndCount.length; i += 2) {
            for (int n = 0; n < (Integer) patternAndCount[i + 1]; n++) {
                d.add((String) patternAndCount[i]);
            }
        }
        Collections.shuffle(d, new Random(21));
        return d;
    }

    @Test
    void fig21FoldsTheOtherFiveIntoTheSponsorsEdit() {
        // 100 applicants: 45 without designation, 30 member A, 20 member B, 5 other
        List<String> applicants = designations("", 45, "member A", 30, "member B", 20, "other", 5);
        EditPatternAllocation a = FIG21.allocate(applicants, 1_000);
        assertEquals(Map.of("entirety", 45L, "member a", 30L, "member b", 20L, "other", 5L), a.tally());
        assertEquals(List.of("other"), a.folded());
        assertEquals(List.of(new EditPatternAllocation.Share("entirety", 50, 500),
                new EditPatternAllocation.Share("member a", 30, 300),
                new EditPatternAllocation.Share("member b", 20, 200)), a.shares());
        assertEquals(50, a.percentOf("entirety"));
        assertEquals(30, a.percentOf("member a"));
        assertEquals(20, a.percentOf("member b"));
        assertEquals(0, a.terminalsFor("other"));
    }

    @Test
    void fig21OnAnAbilityThatDoesNotDivideEvenly() {
        EditPatternAllocation a = FIG21.allocate(designations("", 45, "member A", 30, "member B", 20, "other", 5), 7);
        // 3.5, 2.1, 1.4: floors 3 + 2 + 1 = 6, the one left goes to the largest remainder (0.5, the sponsor's edit)
        assertEquals(List.of(4L, 2L, 1L), a.shares().stream().map(EditPatternAllocation.Share::terminals).toList());
    }

    @Test
    void aThresholdOfZeroKeepsEveryPatternAndAHighOneFoldsAll() {
        List<String> applicants = designations("", 45, "member A", 30, "member B", 20, "other", 5);
        EditPatternAllocation none = new EditPatterns(List.of("member A", "member B", "other"), 0).allocate(applicants, 100);
        assertEquals(List.of(45L, 30L, 20L, 5L), none.shares().stream().map(EditPatternAllocation.Share::terminals).toList());
        EditPatternAllocation all = new EditPatterns(List.of("member A", "member B", "other"), 31).allocate(applicants, 100);
        assertEquals(List.of(new EditPatternAllocation.Share("entirety", 100, 100)), all.shares());
        assertEquals(List.of("member a", "member b", "other"), all.folded());
        // exactly at the threshold a pattern is kept: 20 of 100 at 20 %
        EditPatternAllocation edge = new EditPatterns(List.of("member A", "member B", "other"), 20).allocate(applicants, 100);
        assertEquals(List.of("entirety", "member a", "member b"),
                edge.shares().stream().map(EditPatternAllocation.Share::pattern).toList());
    }

    @Test
    void everyoneWantingTheSponsorsEditGetsAllTheAbility() {
        EditPatternAllocation a = FIG21.allocate(designations("", 10, "entirety", 3), 250);
        assertEquals(List.of(new EditPatternAllocation.Share("entirety", 13, 250)), a.shares());
        EditPatternAllocation nobody = FIG21.allocate(List.of(), 250);
        assertEquals(250, nobody.terminalsFor("entirety"));
        assertEquals(100, nobody.percentOf("entirety"));
    }

    @Test
    void aPatternWithoutTheSponsorsEditStillGetsItsShare() {
        EditPatterns patterns = new EditPatterns(List.of("vocal", "drum", "random"), 5);
        EditPatternAllocation a = patterns.allocate(designations("vocal", 2, "drum", 1), 10);
        // 6.67, 3.33 and nobody for the sponsor's edit
        assertEquals(List.of(0L, 7L, 3L), a.shares().stream().map(EditPatternAllocation.Share::terminals).toList());
    }

    @Test
    void sharesAlwaysAddUpToTheAbility() {
        EditPatterns patterns = new EditPatterns(List.of("vocal", "drum", "guitar", "random"), 7);
        Random random = new Random(5);
        String[] names = {"", "vocal", "drum", "guitar", "random"};
        for (int round = 0; round < 500; round++) {
            List<String> d = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                d.add(names[random.nextInt(names.length)]);
            }
            long ability = random.nextInt(5_000);
            EditPatternAllocation a = patterns.allocate(d, ability);
            assertEquals(ability, a.shares().stream().mapToLong(EditPatternAllocation.Share::terminals).sum());
            assertEquals(n, a.applicants());
            for (EditPatternAllocation.Share s : a.shares()) {
                if (n > 0) {
                    double exact = (double) ability * s.applicants() / n;
                    assertEquals(exact, s.terminals(), 1.0, "round " + round + " " + s);
                }
            }
        }
    }

    @Test
    void anUndefinedPatternOrThresholdIsRefused() {
        assertEquals("live.application.pattern", assertThrows(RuleViolation.class, () -> FIG21.designation("bass")).messageKey());
        assertEquals("live.pattern.threshold",
                assertThrows(RuleViolation.class, () -> new EditPatterns(List.of("vocal"), 101)).messageKey());
        assertEquals(List.of("entirety", "vocal"), new EditPatterns(List.of("Vocal", "vocal", "ENTIRETY"), 10).patterns());
        Map<String, Long> negative = new LinkedHashMap<>();
        negative.put("vocal", -1L);
        assertThrows(IllegalArgumentException.class, () -> EditPatternAllocation.of(negative, 10, 10));
    }
}
