package org.cascade.ledger.application;

import org.cascade.ledger.domain.LedgerTransaction;

/** A posted transaction, and whether this request only found it posted before (a replay of the same key). */
public record Posted(LedgerTransaction transaction, boolean replay) {
}
