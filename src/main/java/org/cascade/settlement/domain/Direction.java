package org.cascade.settlement.domain;

/** Which way a payment goes at the financial institution. */
public enum Direction {
    /** The center pays the payee (a holder's royalties). */
    PAY,
    /** The center collects from the payee (a store's takings). */
    COLLECT
}
