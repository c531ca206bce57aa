package org.cascade.ledger.domain;

/**
 * The center's fee: one percentage of what users pay, the same on receptions (spec FIG. 11) and
 * on places in live events (FIG. 23), rounded down to the yen.
 */
public final class CenterFee {

    /** The center's fee in percent of what the user pays. */
    public static final int PERCENT = 10;

    private CenterFee() {
    }

    /** The fee on a payment of {@code paid} yen. */
    public static long of(long paid) {
        if (paid < 0) {
            throw new IllegalArgumentException("paid " + paid);
        }
        return Math.multiplyExact(paid, PERCENT) / 100;
    }
}
