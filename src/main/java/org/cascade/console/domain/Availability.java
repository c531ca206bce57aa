package org.cascade.console.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.cascade.swarm.domain.CommunicationState;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * Which terminals online can distribute a content, and how much of it, as the operator sees it.
 * A terminal distributes only the pieces it both claims and was seen to verify (its settled
 * receptions); one that claims pieces it never verified is listed too, with what it may not
 * send, so the operator sees the gap. The pieces no terminal online can send are the center's
 * origin's to send.
 */
public record Availability(String contentId, int pieceCount, List<Holding> terminals, int coveredPieces) {

    /** One terminal's pieces of the content: distributable (claimed and verified), claimed, verified. */
    public record Holding(String terminalId, String serial, String address, String comment, int distributable,
                          int claimed, int verified, CommunicationState state, Instant lastHeard) {

        public boolean whole(int pieceCount) {
            return distributable == pieceCount;
        }
    }

    public Availability {
        terminals = List.copyOf(terminals);
    }

    /**
     * The availability of a content of {@code pieceCount} pieces among the terminals online: those
     * that claim or verified any piece of it, the most distributable first. Piece sets of another
     * size than the content's are not its pieces and count for nothing.
     */
    public static Availability of(String contentId, int pieceCount, Collection<TerminalPresence> online) {
        List<Holding> holdings = new ArrayList<>();
        PieceSet covered = PieceSet.none(pieceCount);
        for (TerminalPresence t : online) {
            PieceSet claimed = ofContent(t.claimed().get(contentId), pieceCount);
            PieceSet verified = ofContent(t.verified().get(contentId), pieceCount);
            if (claimed.isEmpty() && verified.isEmpty()) {
                continue;
            }
            PieceSet distributable = claimed.intersect(verified);
            covered = covered.union(distributable);
            holdings.add(new Holding(t.terminalId(), t.serial(), t.address(), t.comment(), distributable.size(),
                    claimed.size(), verified.size(), t.state(), t.lastHeard()));
        }
        holdings.sort(Comparator.comparingInt(Holding::distributable).reversed().thenComparing(Holding::serial));
        return new Availability(contentId, pieceCount, holdings, covered.size());
    }

    private static PieceSet ofContent(PieceSet pieces, int pieceCount) {
        return pieces == null || pieces.pieceCount() != pieceCount ? PieceSet.none(pieceCount) : pieces;
    }

    /** How many terminals online can send something of it. */
    public long distributors() {
        return terminals.stream().filter(h -> h.distributable() > 0).count();
    }

    /** The pieces only the center can send now. */
    public int originOnly() {
        return pieceCount - coveredPieces;
    }
}
