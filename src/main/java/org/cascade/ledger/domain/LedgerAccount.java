package org.cascade.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/**
 * An account of the double-entry ledger. Its balance is the sum of its entries, kept alongside
 * them so that a rule can be checked under the account's lock without summing; the invariant
 * checks prove the two never drift. A prepaid account refuses to go below zero.
 */
@Entity
@Table(name = "LEDGER_ACCOUNT", uniqueConstraints = @UniqueConstraint(columnNames = {"TYPE", "OWNER"}))
@NamedQuery(name = "LedgerAccount.findByOwner",
        query = "select a from LedgerAccount a where a.type = :type and a.owner = :owner")
@NamedQuery(name = "LedgerAccount.sumOfBalances", query = "select coalesce(sum(a.balance), 0) from LedgerAccount a")
@NamedQuery(name = "LedgerAccount.countNegative",
        query = "select count(a) from LedgerAccount a where a.type = org.cascade.ledger.domain.AccountType.PREPAID and a.balance < 0")
@NamedQuery(name = "LedgerAccount.countDrifted",
        query = "select count(a) from LedgerAccount a where a.balance <> "
                + "(select coalesce(sum(e.amount), 0) from LedgerEntry e where e.account = a)")
public class LedgerAccount {

    @Id
    @GeneratedValue
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "TYPE", nullable = false, length = 20)
    private AccountType type;

    /** Whose account it is, in the owning context's words: "media:CM-…", "store:12". */
    @Column(name = "OWNER", nullable = false, length = 64)
    private String owner;

    private long balance;

    @Column(nullable = false)
    private Instant openedAt;

    @Version
    private long revision;

    protected LedgerAccount() {
    }

    public LedgerAccount(AccountType type, String owner, Instant openedAt) {
        this.type = type;
        this.owner = owner;
        this.openedAt = openedAt;
    }

    /**
     * Applies one entry. A prepaid account refuses an amount that would overdraw it, naming what
     * it holds and what was asked.
     */
    void apply(long amount) {
        refuseOverdraft(amount);
        balance = Math.addExact(balance, amount);
    }

    /** Refuses, before anything is applied, an amount that would overflow or overdraw this account. */
    void refuseOverdraft(long amount) {
        if (Math.addExact(balance, amount) < 0 && type.neverNegative()) {
            throw new RuleViolation("ledger.balance.insufficient", balance, -amount);
        }
    }

    public Long id() {
        return id;
    }

    public AccountType type() {
        return type;
    }

    public String owner() {
        return owner;
    }

    public long balance() {
        return balance;
    }
}
