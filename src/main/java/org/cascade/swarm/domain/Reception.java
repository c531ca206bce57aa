package org.cascade.swarm.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.cascade.ledger.domain.CenterFee;

/**
 * One user's reception of one content, across every link that brought pieces of it (several
 * distributors, interruptions, resumes): which pieces have been settled and how many bytes that
 * made, so that the whole content is charged exactly its unit cost and no piece twice; and how
 * many of those bytes each distributor delivered, so that each earns its share of its own bytes
 * to the yen ({@link TransferFees}).
 */
@Entity
@Table(name = "RECEPTION", uniqueConstraints = @UniqueConstraint(columnNames = {"RECEIVER", "CONTENTID"}))
@NamedQuery(name = "Reception.findByReceiver",
        query = "select r from Reception r where r.receiver = :receiver order by r.openedAt desc")
@NamedQuery(name = "Reception.findByReceiverAndContent",
        query = "select r from Reception r where r.receiver = :receiver and r.contentId = :content")
public class Reception {

    /** Who delivered the pieces the center sent itself (origin), in {@link #delivered}. */
    public static final String ORIGIN = "center";

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

    /** The settled bytes by who delivered them: a distributor's media serial, or {@link #ORIGIN}. */
    @ElementCollection
    @CollectionTable(name = "RECEPTION_DELIVERY", joinColumns = @JoinColumn(name = "RECEPTION"))
    @MapKeyColumn(name = "DISTRIBUTOR", length = 16)
    @Column(name = "BYTES")
    private Map<String, Long> delivered = new HashMap<>();

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

    /**
     * What one settlement did: the pieces it settled, the bytes before and after, the charge and
     * the mismatches; whether it completed the reception, and whether a terminal (not the
     * origin) delivered any of the reception by then.
     */
    public record Settlement(PieceSet pieces, long bytesBefore, long bytesAfter, TransferFees.Charge charge, PieceSet mismatches,
                             boolean completed, boolean redistributed) {

        public boolean settledAnything() {
            return !pieces.isEmpty();
        }
    }

    /**
     * Settles what the receiver verified and the distributor reported sent (history matching),
     * never a piece already settled, and charges it by the fee rule. {@code distributor} is the
     * sending terminal's media serial, or null for the origin.
     */
    public Settlement settle(PieceSet received, PieceSet sent, ReceptionTerms terms, String distributor) {
        if (!terms.contentId().equals(contentId) || terms.layout().pieceCount() != pieceCount) {
            throw new IllegalArgumentException("terms of another content");
        }
        PieceSet done = settled();
        HistoryMatch match = new HistoryMatch(received, sent, done);
        PieceSet now = match.settleable();
        long bytes = now.stream().mapToLong(terms.layout()::bytesOf).sum();
        String by = distributor == null ? ORIGIN : distributor;
        long deliveredBefore = delivered.getOrDefault(by, 0L);
        boolean wasComplete = complete();
        TransferFees.Charge charge = fees(terms).step(settledBytes, settledBytes + bytes, deliveredBefore);
        if (bytes > 0) {
            delivered.put(by, deliveredBefore + bytes);
        }
        long before = settledBytes;
        settled = done.union(now).toBitfield();
        settledBytes += bytes;
        return new Settlement(now, before, settledBytes, charge, match.mismatches(), !wasComplete && complete(), redistributed());
    }

    /** True when a terminal, not the center, delivered some of this reception. */
    public boolean redistributed() {
        return delivered.entrySet().stream().anyMatch(e -> !ORIGIN.equals(e.getKey()) && e.getValue() > 0);
    }

    /** The settled bytes that {@code distributor} (a media serial, or null for the origin) delivered. */
    public long deliveredBy(String distributor) {
        return delivered.getOrDefault(distributor == null ? ORIGIN : distributor, 0L);
    }

    private static TransferFees fees(ReceptionTerms terms) {
        return new TransferFees(terms.unitCost(), terms.size(), terms.distributorSharePercent(), CenterFee.PERCENT);
    }

    /** What the rest of the content still costs this receiver (the whole unit cost before any piece). */
    public long remainingCost(ReceptionTerms terms) {
        return terms.unitCost() - fees(terms).paid(settledBytes);
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
