package org.cascade.live.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cascade.platform.domain.RuleViolation;

/**
 * The edit patterns an event offers (FIG. 20A): {@value #ENTIRETY}, the sponsor's own edit and
 * everyone's default, and the cameras or members the holder defines ("vocal", "drum",
 * "random"…), with the share below which a pattern is not worth its own stream and is folded into
 * the sponsor's edit.
 */
public record EditPatterns(List<String> patterns, int foldBelowPercent) {

    public static final String ENTIRETY = "entirety";

    public EditPatterns {
        List<String> normal = new ArrayList<>();
        normal.add(ENTIRETY);
        for (String p : patterns) {
            String n = normalise(p);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("an edit pattern needs a name");
            }
            if (!normal.contains(n)) {
                normal.add(n);
            }
        }
        patterns = List.copyOf(normal);
        if (foldBelowPercent < 0 || foldBelowPercent > 100) {
            throw new RuleViolation("live.pattern.threshold");
        }
    }

    /** The pattern an applicant designated: blank is the sponsor's edit; one the holder did not define is refused. */
    public String designation(String chosen) {
        String n = chosen == null ? "" : normalise(chosen);
        if (n.isEmpty()) {
            return ENTIRETY;
        }
        if (!patterns.contains(n)) {
            throw new RuleViolation("live.application.pattern", chosen.strip());
        }
        return n;
    }

    /** Tallies designations per pattern, in the holder's order (FIG. 20C), patterns nobody chose at 0. */
    public Map<String, Long> tally(List<String> designations) {
        Map<String, Long> tally = new LinkedHashMap<>();
        patterns.forEach(p -> tally.put(p, 0L));
        for (String d : designations) {
            tally.merge(designation(d), 1L, Long::sum);
        }
        return tally;
    }

    /** Tallies the designations and allocates {@code ability} terminals in the folded ratios. */
    public EditPatternAllocation allocate(List<String> designations, long ability) {
        return EditPatternAllocation.of(tally(designations), foldBelowPercent, ability);
    }

    private static String normalise(String p) {
        return p.strip().toLowerCase(Locale.ROOT);
    }
}
