package org.cascade.settlement.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cascade.ledger.domain.AccountType;

/**
 * Whose accounts a run settles, and the ledger account type that holds what the center owes
 * them (or they owe it). Every kind of posting on these accounts is settled alike, so a new kind
 * of charge needs no change here; a new kind of payee is one more line.
 */
public enum PayeeType {
    /** Royalties the center owes a contents holder. */
    HOLDER(AccountType.HOLDER_PAYABLE),
    /** Cash a store took at its counter for media sold and replenished, owed to the center. */
    STORE(AccountType.STORE_CASH);

    private final AccountType accountType;

    PayeeType(AccountType accountType) {
        this.accountType = accountType;
    }

    public AccountType accountType() {
        return accountType;
    }

    public static Set<AccountType> settledAccountTypes() {
        Set<AccountType> out = EnumSet.noneOf(AccountType.class);
        for (PayeeType p : values()) {
            out.add(p.accountType);
        }
        return out;
    }

    public static Optional<PayeeType> of(AccountType type) {
        return Arrays.stream(values()).filter(p -> p.accountType == type).findFirst();
    }
}
