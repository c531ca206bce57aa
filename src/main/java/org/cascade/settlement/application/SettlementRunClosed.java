package org.cascade.settlement.application;

/** A run settled a period (not a replay); fired inside its transaction, counted after it commits. */
public record SettlementRunClosed(String run, int payments) {
}
