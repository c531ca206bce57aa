package org.cascade.swarm.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/**
 * One link the center brokered (spec FIG. 6 S113, FIG. 7): a receiver and the distributor that
 * sends it some pieces of one content — another terminal, or the center itself (origin). A
 * receiver may have several at once; the center asks each link for a few pieces at a time (see
 * {@link PiecePlan}). The link keeps both sides' reports (the receiver's receipts, the
 * distributor's sent pieces) for history matching, what it brought by path, and what was charged
 * and earned through it.
 *
 * <p>Rules it guards: pieces are asked only among those the receiver lacked when the link opened;
 * reports count only pieces the link was asked for; a relay is taken only by a direct link still
 * open; a closed link takes late reports (a terminal that was away settles at its next
 * connection) but never reopens.
 */
@Entity
@Table(name = "TRANSFER_LINK", indexes = {
        @Index(name = "TRANSFER_LINK_OPEN", columnList = "CLOSEDAT"),
        @Index(name = "TRANSFER_LINK_DISTRIBUTOR", columnList = "DISTRIBUTOR, CONTENTID"),
        // Each report looks up its receiver's other links: an index keeps that from scanning (and
        // waiting on) the links other settlements hold.
        @Index(name = "TRANSFER_LINK_RECEIVER", columnList = "RECEIVER, CONTENTID"),
        @Index(name = "TRANSFER_LINK_RECEIVER_TERMINAL", columnList = "RECEIVERTERMINAL"),
        @Index(name = "TRANSFER_LINK_DISTRIBUTOR_TERMINAL", columnList = "DISTRIBUTORTERMINAL")})
@NamedQuery(name = "TransferLink.findOpen", query = "select l from TransferLink l where l.closedAt is null order by l.openedAt")
@NamedQuery(name = "TransferLink.findOpenByTerminal",
        query = "select l from TransferLink l where l.closedAt is null and (l.receiverTerminal = :terminal or l.distributorTerminal = :terminal)")
@NamedQuery(name = "TransferLink.findOpenByReceiverAndContent",
        query = "select l from TransferLink l where l.closedAt is null and l.receiver = :receiver and l.contentId = :content")
@NamedQuery(name = "TransferLink.findOpenByDistributorAndContent",
        query = "select l from TransferLink l where l.closedAt is null and l.distributor = :distributor and l.contentId = :content")
@NamedQuery(name = "TransferLink.countOpenByDistributorTerminal",
        query = "select l.distributorTerminal, count(l) from TransferLink l where l.closedAt is null and l.distributorTerminal is not null"
                + " group by l.distributorTerminal")
@NamedQuery(name = "TransferLink.findMismatched",
        query = "select l from TransferLink l where l.mismatchedPieces > 0 order by l.openedAt desc")
@NamedQuery(name = "TransferLink.openOfPathAndContent",
        query = "select l.pieceCount, l.asked, l.wanted, l.received from TransferLink l"
                + " where l.closedAt is null and l.path = :path and l.contentId = :content")
@NamedQuery(name = "TransferLink.findRecent", query = "select l from TransferLink l order by l.openedAt desc")
@NamedQuery(name = "TransferLink.countOpenByPath",
        query = "select l.path, count(l) from TransferLink l where l.closedAt is null group by l.path")
@NamedQuery(name = "TransferLink.bytesByPath",
        query = "select l.path, sum(l.receivedBytes) from TransferLink l group by l.path")
@NamedQuery(name = "TransferLink.findDeliveredBetween",
        query = "select l.path, l.openedAt, l.receivedBytes from TransferLink l"
                + " where l.openedAt >= :from and l.openedAt < :to and l.receivedBytes > 0")
@NamedQuery(name = "TransferLink.earningsOf",
        query = "select l.contentId, sum(l.sentPieceCount), sum(l.receivedBytes), sum(l.distributorEarned) from TransferLink l"
                + " where l.distributor = :distributor group by l.contentId")
public class TransferLink {

    /** More pieces sent than receipted on a link and the receiver is no longer served. */
    public static final int RECEIPT_WINDOW = 24;
    /** The center sends an origin receiver this many pieces ahead of its receipts. */
    public static final int ORIGIN_WINDOW = 8;
    /**
     * A link asked for pieces that brought none for this long is slow, and replaced when another
     * source can. Long enough for a piece over a link that shares a capped upload with others.
     */
    public static final Duration SLOW_AFTER = Duration.ofSeconds(60);
    /** A link with nothing to carry stays open this long for pieces its distributor is still receiving. */
    public static final Duration IDLE_GRACE = Duration.ofSeconds(5);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "CONTENTID", length = 40, nullable = false)
    private String contentId;

    @Column(name = "RECEIVER", length = 16, nullable = false)
    private String receiver;

    /** The distributing terminal's media serial; null for origin. */
    @Column(name = "DISTRIBUTOR", length = 16)
    private String distributor;

    @Column(name = "RECEIVERTERMINAL", length = 36, nullable = false)
    private String receiverTerminal;

    @Column(name = "DISTRIBUTORTERMINAL", length = 36)
    private String distributorTerminal;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    private LinkPath path;

    private long size;
    private int pieceSize;
    private int pieceCount;

    @Column(length = 4000, nullable = false)
    private String wanted;
    /** Asked of the link so far (null on links from before pieces were asked: all wanted). */
    @Column(length = 4000)
    private String asked;
    /** What its ends last heard the link still has to carry. */
    @Column(length = 4000)
    private String told;
    @Column(length = 4000, nullable = false)
    private String received;
    @Column(length = 4000, nullable = false)
    private String sent;

    private int receivedPieceCount;
    private int sentPieceCount;
    private long receivedBytes;
    private long charged;
    private long distributorEarned;
    private int mismatchedPieces;
    private int corruptPieces;

    /** The user chose this distributor: the center adds no other source to its reception. */
    private boolean chosen;
    /** The user plays while receiving: pieces are asked in order. */
    private boolean inOrder;
    /** The last receipt of a new piece, or the moment the link was asked for pieces while it had none to carry. */
    private Instant progressAt;
    /** Since when the link has had nothing to carry; null while it has. */
    private Instant idleSince;

    @Column(nullable = false)
    private Instant openedAt;
    @Column(name = "CLOSEDAT")
    private Instant closedAt;
    @Column(length = 20)
    private String closeReason;

    @Version
    private long revision;

    protected TransferLink() {
    }

    public TransferLink(String id, String contentId, PieceLayout layout, String receiver, String receiverTerminal,
                        String distributor, String distributorTerminal, LinkPath path, PieceSet wanted, Instant now) {
        if (wanted.isEmpty() || wanted.pieceCount() != layout.pieceCount()) {
            throw new IllegalArgumentException("a link for no pieces, or for another content");
        }
        if ((path == LinkPath.ORIGIN) != (distributor == null)) {
            throw new IllegalArgumentException("origin links have no distributor, others one");
        }
        this.id = id;
        this.contentId = contentId;
        this.size = layout.size();
        this.pieceSize = layout.pieceSize();
        this.pieceCount = layout.pieceCount();
        this.receiver = receiver;
        this.receiverTerminal = receiverTerminal;
        this.distributor = distributor;
        this.distributorTerminal = distributorTerminal;
        this.path = path;
        this.wanted = wanted.toBitfield();
        this.asked = PieceSet.none(pieceCount).toBitfield();
        this.received = PieceSet.none(pieceCount).toBitfield();
        this.sent = PieceSet.none(pieceCount).toBitfield();
        this.openedAt = now;
        this.progressAt = now;
    }

    /** The user chose this distributor, and whether the user plays while receiving. */
    public TransferLink chosen(boolean byUser, boolean playing) {
        this.chosen = byUser;
        this.inOrder = playing;
        return this;
    }

    /** The user started or stopped playing while receiving. */
    public void playing(boolean playing) {
        this.inOrder = playing;
    }

    /**
     * The center asks the link for more pieces: only pieces the receiver lacked when the link
     * opened, and only while it is open. A link that had nothing to carry starts its clock afresh.
     */
    public void ask(PieceSet pieces, PieceSet lacking, Instant now) {
        if (closedAt != null) {
            throw new IllegalStateException("link " + id + " is closed");
        }
        if (!pieces.minus(wanted()).isEmpty()) {
            throw new IllegalArgumentException("pieces the receiver did not lack");
        }
        if (outstanding(lacking).isEmpty()) {
            progressAt = now;
        }
        asked = asked().union(pieces).toBitfield();
        idleSince = null;
    }

    /** Asked of the link, still lacking at the receiver, not receipted over this link. */
    public PieceSet outstanding(PieceSet lacking) {
        return asked().intersect(lacking).minus(received());
    }

    /** Notes what the ends hear the link still has to carry; true when that changed since they last heard. */
    public boolean retell(PieceSet lacking) {
        String now = outstanding(lacking).toBitfield();
        if (now.equals(told)) {
            return false;
        }
        told = now;
        return true;
    }

    /** The link was asked for pieces and brought none for {@link #SLOW_AFTER}. */
    public boolean slow(PieceSet lacking, Instant now) {
        return closedAt == null && progressAt != null && !outstanding(lacking).isEmpty() && progressAt.plus(SLOW_AFTER).isBefore(now);
    }

    /** Notes whether the link has anything to carry; true once it has had nothing for {@link #IDLE_GRACE}. */
    public boolean idle(PieceSet lacking, Instant now) {
        if (!outstanding(lacking).isEmpty()) {
            idleSince = null;
            return false;
        }
        if (idleSince == null) {
            idleSince = now;
        }
        return !idleSince.plus(IDLE_GRACE).isAfter(now);
    }

    /** The receiver verified and stored these pieces; only pieces the link was asked for count. */
    public void receipt(PieceSet pieces, Instant now) {
        PieceSet r = received().union(pieces.intersect(asked()));
        if (r.size() > receivedPieceCount) {
            progressAt = now;
        }
        received = r.toBitfield();
        receivedPieceCount = r.size();
        receivedBytes = r.stream().mapToLong(layout()::bytesOf).sum();
        noteMismatches();
    }

    /** The distributor (or the center, for origin and relay) sent these pieces whole. */
    public void sent(PieceSet pieces) {
        PieceSet s = sent().union(pieces.intersect(asked()));
        sent = s.toBitfield();
        sentPieceCount = s.size();
        noteMismatches();
    }

    /** A closed link's reports disagree on these pieces; kept for the operator. Open links are still under way. */
    private void noteMismatches() {
        mismatchedPieces = closedAt == null ? 0 : received().difference(sent()).size();
    }

    /** Settled through this link: what the receiver paid and the distributor earned. */
    public void settled(long debit, long reward) {
        charged += debit;
        distributorEarned += reward;
    }

    public void corruptPiece() {
        corruptPieces++;
    }

    /** No direct connection formed: the pieces go through the center's relay from now on. */
    public void takeRelay() {
        if (closedAt != null || path != LinkPath.P2P) {
            throw new RuleViolation("channel.link.relay");
        }
        path = LinkPath.RELAY;
    }

    public void close(String reason, Instant now) {
        if (closedAt == null) {
            closedAt = now;
            closeReason = reason;
            noteMismatches();
        }
    }

    /** The receiver has been sent far more than it receipted: it is no longer served. */
    public boolean receiptsOverdue() {
        return sent().minus(received()).size() > RECEIPT_WINDOW;
    }

    /** The center may send an origin receiver piece {@code index} now. */
    public boolean originMaySend(int index) {
        return path == LinkPath.ORIGIN && closedAt == null && index >= 0 && index < pieceCount && asked().contains(index)
                && sent().minus(received()).size() < ORIGIN_WINDOW;
    }

    /** True when {@code terminal} is one of the link's two ends right now. */
    public boolean hasEnd(String terminal) {
        return terminal.equals(receiverTerminal) || terminal.equals(distributorTerminal);
    }

    /** The other end of the link, seen from {@code terminal}. */
    public String partnerOf(String terminal) {
        return terminal.equals(receiverTerminal) ? distributorTerminal : receiverTerminal;
    }

    public boolean open() {
        return closedAt == null;
    }

    public PieceLayout layout() {
        return new PieceLayout(size, pieceSize);
    }

    public PieceSet wanted() {
        return PieceSet.fromBitfield(pieceCount, wanted);
    }

    public PieceSet asked() {
        return asked == null ? wanted() : PieceSet.fromBitfield(pieceCount, asked);
    }

    public boolean chosenByUser() {
        return chosen;
    }

    public boolean inOrder() {
        return inOrder;
    }

    public PieceSet received() {
        return PieceSet.fromBitfield(pieceCount, received);
    }

    public PieceSet sent() {
        return PieceSet.fromBitfield(pieceCount, sent);
    }

    public String id() {
        return id;
    }

    public String contentId() {
        return contentId;
    }

    public String receiver() {
        return receiver;
    }

    public String distributor() {
        return distributor;
    }

    public String receiverTerminal() {
        return receiverTerminal;
    }

    public String distributorTerminal() {
        return distributorTerminal;
    }

    public LinkPath path() {
        return path;
    }

    public int pieceCount() {
        return pieceCount;
    }

    public int receivedPieceCount() {
        return receivedPieceCount;
    }

    public int sentPieceCount() {
        return sentPieceCount;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    public long charged() {
        return charged;
    }

    public long distributorEarned() {
        return distributorEarned;
    }

    public int mismatchedPieces() {
        return mismatchedPieces;
    }

    public int corruptPieces() {
        return corruptPieces;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closeReason() {
        return closeReason;
    }
}
