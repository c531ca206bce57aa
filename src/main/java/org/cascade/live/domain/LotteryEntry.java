package org.cascade.live.domain;

/**
 * One applicant in a lottery, with the facts its priority is decided on: how many times the
 * terminal distributed this artist's contents before, and how many terminals it can relay to at
 * once (0 when it does not allow redistribution). Published with the result, so that anyone can
 * recompute the draw.
 */
public record LotteryEntry(String applicationId, long artistDistributions, int redistributionAbility) {

    public LotteryEntry {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("application id is required");
        }
        if (artistDistributions < 0 || redistributionAbility < 0) {
            throw new IllegalArgumentException(artistDistributions + " distributions, relays to " + redistributionAbility);
        }
    }
}
