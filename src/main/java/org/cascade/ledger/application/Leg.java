package org.cascade.ledger.application;

/**
 * One account and the signed amount a transaction moves on it; {@code partner}, when not null,
 * is who this account's FIG. 12 records name as the other side instead of the transaction's
 * partner (a reception's distributor sees the receiving media, its receiver the distributor).
 */
public record Leg(long accountId, long amount, String partner) {

    public Leg(long accountId, long amount) {
        this(accountId, amount, null);
    }
}
