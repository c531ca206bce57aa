package org.cascade.ledger.application;

import org.cascade.ledger.domain.TransactionKind;

/**
 * A transaction was posted (not a replay of its key). Fired inside the posting transaction; an
 * observer that counts postings observes it after success, so a transaction that rolled back or
 * was retried counts once.
 */
public record TransactionPosted(long transactionId, TransactionKind kind) {
}
