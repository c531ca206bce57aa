package org.cascade.ledger.domain;

/**
 * The business event a ledger transaction records; also the "reason" of the FIG. 12A accounting
 * record and the event of the FIG. 12B history record, as each side sees it
 * ({@link #recordedFor}).
 */
public enum TransactionKind {
    /** A storage media sold over the counter with its initial prepaid credit. */
    MEDIA_SALE,
    /** Prepaid credit added to a media at a store. */
    REPLENISHMENT,
    /** A mistaken replenishment taken back by its store (compensates a REPLENISHMENT). */
    REPLENISHMENT_VOID,
    /** The balance of a revoked (lost) media carried onto its replacement. */
    MEDIA_REISSUE,
    /** A holder's payment in, recorded by the operator, for advertising. */
    HOLDER_TOPUP,
    /** An advertising fee a holder paid from their funds. */
    ADVERTISING_FEE,
    /** Pieces of a content received and verified: the receiver pays, the distributor, center and holder are paid. */
    RECEPTION,
    /**
     * Pieces of a content sent and paid for: the distributor's side of a {@link #RECEPTION} in its
     * own records. Only a record's reason, never a transaction's kind.
     */
    CONTENT_SENT,
    /** A place in a live event's distribution order (FIG. 23): the applicant pays, the holder and center are paid. */
    LIVE_CHARGE,
    /** A refund for redistribution after a live event (FIG. 24 S838): the holder pays back part of a redistributor's place. */
    LIVE_REFUND,
    /** A period's net on a holder's payable or a store's drawer cleared towards the financial institution. */
    SETTLEMENT(true),
    /** A settlement payment the institution rejected, taken back onto its account (compensates a SETTLEMENT). */
    SETTLEMENT_REJECTED(true),
    /** A settlement payment the institution acknowledged as deposited. */
    SETTLEMENT_DEPOSIT(true);

    private final boolean clearing;

    TransactionKind() {
        this(false);
    }

    TransactionKind(boolean clearing) {
        this.clearing = clearing;
    }

    /**
     * The reason or event the FIG. 12 records of an entry of {@code amount} yen on a prepaid
     * account name: the receiver of a reception pays (content received), the terminal that
     * delivered is paid (content sent); every other event is named alike on all its sides.
     */
    public TransactionKind recordedFor(long amount) {
        return this == RECEPTION && amount > 0 ? CONTENT_SENT : this;
    }

    /** True for a kind a transaction may have; false for a reason only records name. */
    public boolean posted() {
        return this != CONTENT_SENT;
    }

    /**
     * Money between the center and the financial institution, not a business event at a counter
     * or a terminal: a store's daily report and the period's figures leave these out.
     */
    public boolean clearing() {
        return clearing;
    }
}
