package org.cascade.swarm.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One online terminal, the spec's user information table (FIG. 3A) as the center keeps it while
 * the terminal is connected: whose media signed it in, from which address, its equipment, the
 * contents it holds (how many of each content's pieces it has verified) and its communication
 * state. Immutable: a heartbeat makes a new presence.
 */
public record TerminalPresence(String terminalId, String serial, String address, String equipment,
                               Map<String, Integer> heldPieces, CommunicationState state,
                               Instant connectedAt, Instant lastHeard) {

    public TerminalPresence {
        heldPieces = Map.copyOf(heldPieces);
    }

    public TerminalPresence heard(CommunicationState newState, Instant at) {
        return new TerminalPresence(terminalId, serial, address, equipment, heldPieces, newState, connectedAt, at);
    }
}
