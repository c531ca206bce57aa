package org.cascade.ledger.application;

/** One account and the signed amount a transaction moves on it. */
public record Leg(long accountId, long amount) {
}
