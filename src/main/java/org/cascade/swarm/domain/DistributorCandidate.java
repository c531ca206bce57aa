package org.cascade.swarm.domain;

/**
 * An online terminal that might send a requester the pieces it wants: how it is doing, how many
 * of the wanted pieces it holds (as the center knows them: verified on receipt, still reported),
 * and whether it was cut off for this content (its pieces failed verification three times).
 */
public record DistributorCandidate(String terminalId, String serial, CommunicationState state, int wantedHeld,
                                   boolean cutOff) {

    public DistributorCandidate {
        if (wantedHeld < 0) {
            throw new IllegalArgumentException("pieces held " + wantedHeld);
        }
    }
}
