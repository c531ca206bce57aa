package org.cascade.live.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Who feeds a viewer of an event on air (FIG. 27 Q3–Q5, and the reconnection rule). The
 * primary order is fed by the center. A viewer of a later order is fed by its distribution
 * destination while that terminal is online and has room; when it is not (it left, or never came),
 * by another online terminal of the nearest order above that watches the same edit pattern, allowed
 * redistribution and relays to fewer than the redistributors per terminal — the least loaded
 * first, then the lowest application id, so the choice does not depend on the order the table was
 * read in; and when no terminal can, by the center itself. Only orders above the viewer feed it,
 * so the cascade never loops, and a relay holds each segment until the viewer's own delay has
 * passed whatever order it belongs to.
 */
public final class Feeds {

    /** A viewer online on the event, as the cascade sees it. */
    public record Viewer(String application, int order, String pattern, boolean redistributionAllowed) {
        public Viewer {
            if (application == null || application.isBlank() || order < 1 || pattern == null) {
                throw new IllegalArgumentException("viewer " + application + " of order " + order);
            }
        }
    }

    private Feeds() {
    }

    /**
     * The application id of the terminal that should feed {@code viewer}; empty for the center.
     *
     * @param destination the viewer's distribution destination (null for the primary order)
     * @param online      the viewers online now (the viewer itself may be among them)
     * @param load        how many viewers each online terminal feeds now, not counting {@code viewer}
     */
    public static Optional<String> feederOf(Viewer viewer, String destination, Collection<Viewer> online,
                                            Map<String, Integer> load, int redistributorsPerTerminal) {
        if (viewer.order() == 1) {
            return Optional.empty();
        }
        Optional<Viewer> own = online.stream().filter(v -> v.application().equals(destination)).findFirst();
        if (own.isPresent() && canFeed(own.get(), viewer, load, redistributorsPerTerminal)) {
            return Optional.of(destination);
        }
        return online.stream().filter(r -> canFeed(r, viewer, load, redistributorsPerTerminal))
                .min(Comparator.<Viewer>comparingInt(r -> viewer.order() - r.order())
                        .thenComparingInt(r -> load.getOrDefault(r.application(), 0))
                        .thenComparing(Viewer::application))
                .map(Viewer::application);
    }

    private static boolean canFeed(Viewer relay, Viewer viewer, Map<String, Integer> load, int perTerminal) {
        return relay.order() < viewer.order() && relay.redistributionAllowed() && relay.pattern().equals(viewer.pattern())
                && !relay.application().equals(viewer.application())
                && load.getOrDefault(relay.application(), 0) < perTerminal;
    }
}
