package org.cascade.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The accounting information of FIG. 12A, one per posting on a prepaid account: the event id
 * (this record's id), when, the amount and the balance after it, the partner, and the reason.
 */
@Entity
@Table(name = "ACCOUNTING_RECORD")
@NamedQuery(name = "AccountingRecord.findByAccount",
        query = "select r from AccountingRecord r where r.accountId = :account order by r.id desc")
@NamedQuery(name = "AccountingRecord.countByAccount",
        query = "select count(r) from AccountingRecord r where r.accountId = :account")
@NamedQuery(name = "AccountingRecord.findByAccountTypeActiveBetween",
        query = "select r from AccountingRecord r where r.accountId in (select f.account.id from LedgerEntry f "
                + "where f.account.type = :type and f.transaction.postedAt >= :from and f.transaction.postedAt < :to)")
public class AccountingRecord {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private Long transactionId;

    @Column(nullable = false)
    private Instant occurredAt;

    private long amount;

    private long balance;

    @Column(length = 64)
    private String partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TransactionKind reason;

    protected AccountingRecord() {
    }

    /** The record of an entry, naming {@code partner} as the other side (the transaction's partner when null). */
    public AccountingRecord(LedgerEntry entry, String partner) {
        LedgerTransaction t = entry.transaction();
        this.accountId = entry.account().id();
        this.transactionId = t.id();
        this.occurredAt = t.postedAt();
        this.amount = entry.amount();
        this.balance = entry.balanceAfter();
        this.partner = partner == null ? t.partner() : partner;
        this.reason = t.kind().recordedFor(entry.amount());
    }

    public Long eventId() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }

    public Long transactionId() {
        return transactionId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public long amount() {
        return amount;
    }

    public long balance() {
        return balance;
    }

    public String partner() {
        return partner;
    }

    public TransactionKind reason() {
        return reason;
    }
}
