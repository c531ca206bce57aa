package org.cascade.swarm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One user's reception of one content, across every link that brought pieces of it (several
 * distributors, interruptions, resumes): which pieces have been settled and how many bytes that
 * made, so that the whole content is charged exactly its unit cost and no piece twice.
 */
@Entity
@Table(name = "RECEPTION", uniqueConstraints = @UniqueConstraint(columnNames = {"RECEIVER", "CONTENTID"}))
@NamedQuery(name = "Reception.findByReceiver",
        query = "select r from Reception r where r.receiver = :receiver order by r.openedAt desc")
@NamedQuery(name = "Reception.findByReceiverAndContent",
        query = "select r from Reception r where r.receiver = :receiver and r.contentId = :content")
public class Reception {

    /** The center's fee on every reception, in percent of what the receiver pays. */
    public static final int CENTER_FEE_PERCENT = 10;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "RECEIVER", length = 16, nullable = false)
    private String receiver;

    @Column(name = "CONTENTID", length = 40, nullable = false)
    private String contentId;

    private int pieceCount;

    /** The settled pieces as a bitfield ({@link PieceSet#toBitfield}); 16,384 pieces (4 GiB) take 2,731 characters. */
    @Column(length = 4000, nullable = false)
    private String settled;

    private long settledBytes;

    @Column(nullable = false)
    private Instant openedAt;

    @Version
    private long revision;

    protected Reception() {
    }

    public Reception(String id, String receiver, ReceptionTerms terms, Instant now) {
        this.id = id;
        this.receiver = receiver;
        this.contentId = terms.contentId();
        this.pieceCount = terms.layout().pieceCount();
        this.settled = PieceSet.none(pieceCount).toBitfield();
        this.openedAt = now;
    }

    /** What one settlement did: the pieces it settled, the bytes before and after, the charge and the mismatches. */
    public record Settlement(PieceSet pieces, long bytesBefore, long bytesAfter, TransferFees.Charge charge, PieceSet mismatches) {

        public boolean settledAnything() {
            return !pieces.isEmpty();
        }
    }

    /**
     * Settles what the receiver verified and the distributor reported sent (history matching),
     * never a piece already settled, and charges it by the fee rule.
     */
    public Settlement settle(PieceSet received, PieceSet sent, ReceptionTerms terms) {
        if (!terms.contentId().equals(contentId) || terms.layout().pieceCount() != pieceCount) {
            throw new IllegalArgumentException("terms of another content");
        }
        PieceSet done = settled();
        HistoryMatch match = new HistoryMatch(received, sent, done);
        PieceSet now = match.settleable();
        long bytes = now.stream().mapToLong(terms.layout()::bytesOf).sum();
        TransferFees fees = new TransferFees(terms.unitCost(), terms.size(), terms.distributorSharePercent(), CENTER_FEE_PERCENT);
        TransferFees.Charge charge = fees.step(settledBytes, settledBytes + bytes);
        Settlement s = new Settlement(now, settledBytes, settledBytes + bytes, charge, match.mismatches());
        settled = done.union(now).toBitfield();
        settledBytes += bytes;
        return s;
    }

    /** What the rest of the content still costs this receiver (the whole unit cost before any piece). */
    public long remainingCost(ReceptionTerms terms) {
        TransferFees fees = new TransferFees(terms.unitCost(), terms.size(), terms.distributorSharePercent(), CENTER_FEE_PERCENT);
        return terms.unitCost() - fees.paid(settledBytes);
    }

    /** What this receiver has paid for the content so far. */
    public long paid(ReceptionTerms terms) {
        return terms.unitCost() - remainingCost(terms);
    }

    public PieceSet settled() {
        return PieceSet.fromBitfield(pieceCount, settled);
    }

    public boolean complete() {
        return settled().size() == pieceCount;
    }

    public String id() {
        return id;
    }

    public String receiver() {
        return receiver;
    }

    public String contentId() {
        return contentId;
    }

    public long settledBytes() {
        return settledBytes;
    }
}
