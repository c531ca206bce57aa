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
 * The history of FIG. 12B: event id, when, which event, the partner user or store, the content
 * ("-" when none) and the link id of the accounting record the event gave rise to.
 */
@Entity
@Table(name = "HISTORY_RECORD")
@NamedQuery(name = "HistoryRecord.findByAccount",
        query = "select h from HistoryRecord h where h.accountId = :account order by h.id desc")
@NamedQuery(name = "HistoryRecord.countByAccount",
        query = "select count(h) from HistoryRecord h where h.accountId = :account")
public class HistoryRecord {

    public static final String NO_CONTENT = "-";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TransactionKind event;

    @Column(length = 64)
    private String partner;

    @Column(nullable = false, length = 64)
    private String contentId;

    /** The accounting record this event gave rise to (the link id of FIG. 12B). */
    private Long accountingRecordId;

    protected HistoryRecord() {
    }

    public HistoryRecord(AccountingRecord accounting, Long accountId, LedgerTransaction t) {
        this.accountId = accountId;
        this.occurredAt = t.postedAt();
        this.event = accounting.reason();
        this.partner = accounting.partner();
        this.contentId = t.contentId() == null ? NO_CONTENT : t.contentId();
        this.accountingRecordId = accounting.eventId();
    }

    public Long eventId() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public TransactionKind event() {
        return event;
    }

    public String partner() {
        return partner;
    }

    public String contentId() {
        return contentId;
    }

    public Long linkId() {
        return accountingRecordId;
    }
}
