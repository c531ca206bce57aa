package org.cascade.ledger.application;

/**
 * Fired inside the transaction that posted to a prepaid account, so that the owning context
 * (the media) can issue its next version in the same transaction.
 */
public record PrepaidBalanceChanged(long accountId, String owner, long transactionId, long balance) {
}
