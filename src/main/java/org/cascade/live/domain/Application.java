package org.cascade.live.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An application accepted for one distribution order (FIG. 18/19): who applied, for which order,
 * the amount agreed at that moment (the order's price, or the down auction's current amount),
 * the edit pattern designated, "redistribution allowed" and "automatic reconnection", and the two
 * facts the lottery's priority looks at.
 */
public record Application(String id, String applicant, int order, Instant appliedAt, long amount, String editPattern,
                          boolean redistributionAllowed, boolean automaticReconnection, long artistDistributions,
                          int redistributionAbility) {

    /**
     * What the applicant sends: the order (the distribution time), the designated edit pattern
     * (a camera or member; blank for the sponsor's "entirety"), the two check fields, and what the
     * center knows of the terminal: how often it distributed this artist's contents before and how
     * many terminals it can relay to at once.
     */
    public record Request(String id, String applicant, int order, String editPattern, boolean redistributionAllowed,
                          boolean automaticReconnection, long artistDistributions, int redistributionAbility) {
        public Request {
            if (id == null || id.isBlank() || applicant == null || applicant.isBlank()) {
                throw new IllegalArgumentException("application id and applicant are required");
            }
            if (artistDistributions < 0 || redistributionAbility < 0) {
                throw new IllegalArgumentException("distributions " + artistDistributions + ", ability " + redistributionAbility);
            }
        }
    }

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(editPattern, "editPattern");
        if (order < 1 || amount < 1) {
            throw new IllegalArgumentException("order " + order + ", amount " + amount);
        }
    }

    /** The facts the lottery draws this application on. */
    public LotteryEntry entry() {
        // a terminal that does not allow redistribution relays to nobody, whatever its link
        return new LotteryEntry(id, artistDistributions, redistributionAllowed ? redistributionAbility : 0);
    }
}
