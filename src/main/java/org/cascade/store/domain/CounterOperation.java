package org.cascade.store.domain;

/** What a clerk did at the counter. */
public enum CounterOperation {
    SALE(1),
    REPLENISHMENT(1),
    VOID(-1),
    REISSUE(0);

    private final int cashSign;

    CounterOperation(int cashSign) {
        this.cashSign = cashSign;
    }

    /** +1 when the store took cash, -1 when it paid cash back, 0 when no cash changed hands. */
    public int cashSign() {
        return cashSign;
    }
}
