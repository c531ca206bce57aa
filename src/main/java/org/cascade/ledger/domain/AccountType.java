package org.cascade.ledger.domain;

/** The kinds of ledger account. Only a prepaid balance is money a person can spend, so only it may never go below zero. */
public enum AccountType {
    /** A storage media's prepaid balance: what its owner may spend. */
    PREPAID(true),
    /** A store's cash drawer: negative by the cash taken at the counter and owed to the center. */
    STORE_CASH(false),
    /** What the center owes a contents holder. */
    HOLDER_PAYABLE(false),
    /** The center's own revenue. */
    CENTER_REVENUE(false),
    /** Money a holder has paid in (through the operator) to spend on advertising; never below zero. */
    HOLDER_FUNDS(true),
    /** Advertising fees paid by holders. */
    ADVERTISING(false),
    /** Money on its way to or from the financial institution. */
    CLEARING(false);

    private final boolean neverNegative;

    AccountType(boolean neverNegative) {
        this.neverNegative = neverNegative;
    }

    public boolean neverNegative() {
        return neverNegative;
    }
}
