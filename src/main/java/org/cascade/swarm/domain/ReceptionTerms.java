package org.cascade.swarm.domain;

/**
 * What a reception of a content is charged by, as the content's holder set it when registering
 * (spec FIG. 3B): size and piece size, unit cost, and the share of each reception paid to the
 * redistributing terminal.
 */
public record ReceptionTerms(String contentId, String holder, long size, int pieceSize, long unitCost,
                             int distributorSharePercent) {

    public PieceLayout layout() {
        return new PieceLayout(size, pieceSize);
    }
}
