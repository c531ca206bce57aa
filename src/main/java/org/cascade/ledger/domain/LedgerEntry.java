package org.cascade.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One leg of a transaction: a signed amount on one account, and that account's balance after it. */
@Entity
@Table(name = "LEDGER_ENTRY")
@NamedQuery(name = "LedgerEntry.sumByKindForAccountBetween",
        query = "select e.transaction.kind, count(e), coalesce(sum(e.amount), 0) from LedgerEntry e "
                + "where e.account.id = :account and e.transaction.postedAt >= :from and e.transaction.postedAt < :to "
                + "group by e.transaction.kind")
@NamedQuery(name = "LedgerEntry.sumByContentForOwner",
        query = "select e.transaction.contentId, coalesce(sum(e.amount), 0) from LedgerEntry e "
                + "where e.account.type = :type and e.account.owner = :owner and e.transaction.contentId is not null "
                + "group by e.transaction.contentId")
@NamedQuery(name = "LedgerEntry.netByAccountBetween",
        query = "select e.account.id, e.account.type, e.account.owner, coalesce(sum(e.amount), 0) from LedgerEntry e "
                + "where e.account.type in :types and e.transaction.postedAt >= :from and e.transaction.postedAt < :to "
                + "and e.transaction.kind <> :excluded group by e.account.id, e.account.type, e.account.owner")
@NamedQuery(name = "LedgerEntry.firstPostedBetween",
        query = "select min(e.transaction.postedAt) from LedgerEntry e "
                + "where e.account.type in :types and e.transaction.postedAt >= :from and e.transaction.postedAt < :to "
                + "and e.transaction.kind <> :excluded")
@NamedQuery(name = "LedgerEntry.findByAccountTypeActiveBetween",
        query = "select e from LedgerEntry e where e.account.type = :type and e.transaction.postedAt < :to "
                + "and e.account.id in (select f.account.id from LedgerEntry f where f.account.type = :type "
                + "and f.transaction.postedAt >= :from and f.transaction.postedAt < :to) order by e.account.id, e.id")
@NamedQuery(name = "LedgerEntry.findBetween",
        query = "select e from LedgerEntry e where e.transaction.postedAt >= :from and e.transaction.postedAt < :to "
                + "order by e.transaction.id, e.id")
public class LedgerEntry {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "TRANSACTION_ID")
    private LedgerTransaction transaction;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ACCOUNT_ID")
    private LedgerAccount account;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private long balanceAfter;

    protected LedgerEntry() {
    }

    LedgerEntry(LedgerTransaction transaction, LedgerAccount account, long amount, long balanceAfter) {
        this.transaction = transaction;
        this.account = account;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
    }

    public LedgerTransaction transaction() {
        return transaction;
    }

    public LedgerAccount account() {
        return account;
    }

    public long amount() {
        return amount;
    }

    public Long id() {
        return id;
    }

    public long balanceAfter() {
        return balanceAfter;
    }
}
