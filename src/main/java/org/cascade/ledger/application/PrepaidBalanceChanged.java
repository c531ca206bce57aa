package org.cascade.ledger.application;

import org.cascade.ledger.domain.TransactionKind;

/**
 * Fired inside the transaction that posted to a prepaid account, so that the owning context
 * (the media) can issue its next version in the same transaction, or refuse the posting (a
 * revoked media) by throwing, which rolls the whole transaction back. {@code amount} is this
 * account's entry (negative: money left it).
 */
public record PrepaidBalanceChanged(long accountId, String owner, long transactionId, long balance, long amount,
                                    TransactionKind kind) {
}
