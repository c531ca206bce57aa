package org.cascade.store.domain;

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
 * The store terminal's own journal line for one counter operation: who, what, which media, how
 * much cash, and the ledger transaction it posted. The daily report adds these up and checks
 * the total against the ledger's store cash account.
 */
@Entity
@Table(name = "COUNTER_RECEIPT")
@NamedQuery(name = "CounterReceipt.findByStoreBetween",
        query = "select r from CounterReceipt r where r.storeId = :store and r.at >= :from and r.at < :to order by r.id")
@NamedQuery(name = "CounterReceipt.findRecentByStore",
        query = "select r from CounterReceipt r where r.storeId = :store order by r.id desc")
@NamedQuery(name = "CounterReceipt.findByTransaction",
        query = "select r from CounterReceipt r where r.transactionId = :tx")
public class CounterReceipt {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Long storeId;

    @Column(nullable = false, length = 32)
    private String clerk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CounterOperation operation;

    @Column(nullable = false, length = 16)
    private String serial;

    /** Cash that changed hands, always positive; the operation says which way. */
    private long amount;

    @Column(nullable = false, unique = true)
    private Long transactionId;

    /** For a void: the receipt it voids. For a re-issue: none. */
    private Long voids;

    /** For a re-issue: the revoked media whose balance was carried over. */
    @Column(length = 16)
    private String previousSerial;

    /** The hand-over of a new media (sale, re-issue), for the file download. */
    private Long handoverId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant at;

    protected CounterReceipt() {
    }

    public CounterReceipt(long storeId, String clerk, CounterOperation operation, String serial, long amount,
                          long transactionId, Instant at) {
        this.storeId = storeId;
        this.clerk = clerk;
        this.operation = operation;
        this.serial = serial;
        this.amount = amount;
        this.transactionId = transactionId;
        this.at = at;
    }

    public CounterReceipt voiding(long receiptId) {
        this.voids = receiptId;
        return this;
    }

    public CounterReceipt carriedFrom(String previous) {
        this.previousSerial = previous;
        return this;
    }

    public CounterReceipt handedOverAs(long handover) {
        this.handoverId = handover;
        return this;
    }

    /** Signed cash effect on the drawer: what the store took in, less what it paid back. */
    public long cash() {
        return operation.cashSign() * amount;
    }

    public Long id() {
        return id;
    }

    public Long storeId() {
        return storeId;
    }

    public String clerk() {
        return clerk;
    }

    public CounterOperation operation() {
        return operation;
    }

    public String serial() {
        return serial;
    }

    public long amount() {
        return amount;
    }

    public Long transactionId() {
        return transactionId;
    }

    public Long voids() {
        return voids;
    }

    public String previousSerial() {
        return previousSerial;
    }

    public Long handoverId() {
        return handoverId;
    }

    public Instant at() {
        return at;
    }
}
