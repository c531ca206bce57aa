package org.cascade.live.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Who relays the event to whom (FIG. 23 S808, FIG. 27): the distribution destination of a
 * confirmed applicant of order n is a charged terminal of order n − 1 watching the same edit
 * pattern (each pattern is its own stream) that allowed redistribution and relays to fewer than
 * the redistributors per terminal. Only charged relays count, so nobody is charged for a place
 * under a terminal whose own place is not paid. Applicants are taken in the order they applied,
 * relays the least loaded first (then the earliest applicant), so the load spreads and the result
 * does not depend on the order rows were read in. A destination once given is never moved; an
 * applicant with no relay free waits, uncharged, until one is.
 */
public final class Destinations {

    private Destinations() {
    }

    /**
     * The destinations to give now: application id → id of the application that relays to it.
     *
     * @param waiting   confirmed applicants of one order without a destination
     * @param relays    charged applicants of the order above
     * @param load      how many terminals each relay relays to already
     * @param patternOf the stream an application watches (its designation after folding)
     */
    public static Map<String, String> assign(List<Application> waiting, List<Application> relays, Map<String, Integer> load,
                                             int redistributorsPerTerminal, Function<Application, String> patternOf) {
        Map<String, Integer> used = new HashMap<>(load);
        Map<String, String> given = new LinkedHashMap<>();
        List<Application> inTurn = waiting.stream()
                .sorted(Comparator.comparing(Application::appliedAt).thenComparing(Application::id)).toList();
        for (Application a : inTurn) {
            String pattern = patternOf.apply(a);
            List<Application> free = new ArrayList<>(relays.stream()
                    .filter(r -> r.order() == a.order() - 1 && r.redistributionAllowed() && pattern.equals(patternOf.apply(r)))
                    .filter(r -> used.getOrDefault(r.id(), 0) < redistributorsPerTerminal)
                    .toList());
            free.sort(Comparator.<Application>comparingInt(r -> used.getOrDefault(r.id(), 0))
                    .thenComparing(Application::appliedAt).thenComparing(Application::id));
            if (!free.isEmpty()) {
                String relay = free.get(0).id();
                given.put(a.id(), relay);
                used.merge(relay, 1, Integer::sum);
            }
        }
        return given;
    }
}
