package org.cascade.swarm.domain;

/**
 * History matching of one link (spec's historical data processing section 26): the center
 * settles only pieces the receiver verified AND the distributor reported sent, and never the same
 * piece twice; a piece that only one side reports is a mismatch, kept for the operator. However
 * often or in whatever order the reports come, the same pieces settle once.
 */
public record HistoryMatch(PieceSet received, PieceSet sent, PieceSet settled) {

    /** Pieces to settle now. */
    public PieceSet settleable() {
        return received.intersect(sent).minus(settled);
    }

    /** Pieces one side reports and the other does not (not yet settled). */
    public PieceSet mismatches() {
        return received.difference(sent).minus(settled);
    }
}
