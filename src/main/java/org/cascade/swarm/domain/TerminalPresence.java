package org.cascade.swarm.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One online terminal, the spec's user information table (FIG. 3A) as the center keeps it while
 * the terminal is connected: whose media signed it in, from which address, its equipment, the
 * distributor's comment it shows requesters, the contents it holds and its communication state.
 * Immutable: every change makes a new presence.
 *
 * <p>What a terminal holds is two things: the pieces it <em>claims</em> (hello, holding) and the
 * pieces the center saw it <em>verify</em> (settled receptions). Only pieces in both are
 * distributable, so a terminal cannot offer pieces it never verified.
 */
public record TerminalPresence(String terminalId, String serial, String address, String equipment, String comment,
                               Map<String, PieceSet> claimed, Map<String, PieceSet> verified, CommunicationState state,
                               Instant connectedAt, Instant lastHeard) {

    public TerminalPresence {
        claimed = Map.copyOf(claimed);
        verified = Map.copyOf(verified);
    }

    /** The pieces of {@code contentId} this terminal may send: claimed and verified. */
    public PieceSet held(String contentId) {
        PieceSet c = claimed.get(contentId);
        PieceSet v = verified.get(contentId);
        return c == null || v == null ? null : c.intersect(v);
    }

    /** The contents of which it may send something. */
    public Map<String, Integer> heldCounts() {
        Map<String, Integer> counts = new HashMap<>();
        claimed.keySet().forEach(id -> {
            PieceSet h = held(id);
            if (h != null && !h.isEmpty()) {
                counts.put(id, h.size());
            }
        });
        return counts;
    }

    public TerminalPresence heard(CommunicationState newState, Instant at) {
        return new TerminalPresence(terminalId, serial, address, equipment, comment, claimed, verified, newState, connectedAt, at);
    }

    /** The comment it shows requesters in the holder list, changed on its sharing settings. */
    public TerminalPresence withComment(String newComment) {
        return new TerminalPresence(terminalId, serial, address, equipment, newComment, claimed, verified, state, connectedAt, lastHeard);
    }

    /** It now says it holds (and shares) these pieces of a content; none means it stopped sharing it. */
    public TerminalPresence claims(String contentId, PieceSet pieces) {
        Map<String, PieceSet> c = new HashMap<>(claimed);
        if (pieces.isEmpty()) {
            c.remove(contentId);
        } else {
            c.put(contentId, pieces);
        }
        return new TerminalPresence(terminalId, serial, address, equipment, comment, c, verified, state, connectedAt, lastHeard);
    }

    /** The center settled these pieces of a content as verified by this terminal's media. */
    public TerminalPresence verifiedPieces(String contentId, PieceSet pieces) {
        Map<String, PieceSet> v = new HashMap<>(verified);
        v.merge(contentId, pieces, PieceSet::union);
        return new TerminalPresence(terminalId, serial, address, equipment, comment, claimed, v, state, connectedAt, lastHeard);
    }
}
