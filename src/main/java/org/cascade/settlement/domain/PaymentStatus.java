package org.cascade.settlement.domain;

/** Where a payment stands with the financial institution. */
public enum PaymentStatus {
    /** In the settlement file, not acknowledged yet. */
    INSTRUCTED,
    /** The institution acknowledged it as deposited. */
    DEPOSITED,
    /** The institution rejected it: its amount went back onto the payee's account for the next run. */
    REJECTED
}
