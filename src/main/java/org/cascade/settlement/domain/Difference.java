package org.cascade.settlement.domain;

import java.util.List;

/**
 * One disagreement a reconciliation found: which check, about whom, what the center's records
 * say against what was found, and the ledger transactions (events) behind it.
 */
public record Difference(Check check, String subject, long expected, long found, List<Long> transactions) {

    public enum Check {
        /** A media's balance at the period's end is not the sum of its postings. */
        MEDIA_BALANCE,
        /** The terminal's accounting record (FIG. 12A) does not match the posting it mirrors. */
        MEDIA_RECORD,
        /** What a transfer charged the receiver is not what it credited the distributor, the center and the holder. */
        TRANSFER_CHARGE,
        /** A store's counter journal and its drawer account disagree. */
        STORE_CASH
    }

    public Difference {
        transactions = List.copyOf(transactions);
    }

    public long amount() {
        return found - expected;
    }
}
