package org.cascade.ledger.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One business event in the ledger: two or more entries that sum to zero, posted once under an
 * idempotency key that the database keeps unique. Transactions and their entries are never
 * changed or deleted; a mistake is undone by a compensating transaction that names the one it
 * reverses (at most one per transaction, also kept unique by the database).
 */
@Entity
@Table(name = "LEDGER_TRANSACTION")
@NamedQuery(name = "LedgerTransaction.findByIdempotencyKey",
        query = "select t from LedgerTransaction t where t.idempotencyKey = :key")
@NamedQuery(name = "LedgerTransaction.findByReverses",
        query = "select t from LedgerTransaction t where t.reverses = :id")
@NamedQuery(name = "LedgerTransaction.countUnbalanced",
        query = "select count(t) from LedgerTransaction t where "
                + "(select coalesce(sum(e.amount), 0) from LedgerEntry e where e.transaction = t) <> 0")
@NamedQuery(name = "LedgerTransaction.countDuplicateKeys",
        query = "select count(t) from LedgerTransaction t where "
                + "(select count(u) from LedgerTransaction u where u.idempotencyKey = t.idempotencyKey) > 1")
@NamedQuery(name = "LedgerTransaction.countByKindPartnerAndAccount",
        query = "select count(distinct t) from LedgerTransaction t join t.entries e "
                + "where t.kind = :kind and t.partner = :partner and e.account.id = :account")
@NamedQuery(name = "LedgerTransaction.countByKindTouchingBoth",
        query = "select count(distinct t) from LedgerTransaction t join t.entries a join t.entries b "
                + "where t.kind = :kind and a.account.id = :one and b.account.id = :two")
@NamedQuery(name = "LedgerTransaction.countPayersOfKindToAccount",
        query = "select count(distinct p.account) from LedgerTransaction t join t.entries p join t.entries h "
                + "where t.kind = :kind and p.account.type = :payerType and p.amount < 0 and h.account.id = :account")
public class LedgerTransaction {

    public static final int MAX_KEY_LENGTH = 120;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = MAX_KEY_LENGTH)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TransactionKind kind;

    @Column(nullable = false)
    private Instant postedAt;

    /** Who was on the other side of the event, as FIG. 12B's "action partner": "store:12", "media:CM-…". */
    @Column(length = 64)
    private String partner;

    /** The content concerned, or null (FIG. 12B shows "-"). */
    @Column(length = 64)
    private String contentId;

    /** The transaction this one compensates. */
    @Column(unique = true)
    private Long reverses;

    @OneToMany(mappedBy = "transaction", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<LedgerEntry> entries = new ArrayList<>();

    protected LedgerTransaction() {
    }

    /**
     * Posts the amounts to their accounts, which the caller holds locked. Refused unless there
     * are at least two distinct accounts, no zero amount and the amounts sum to zero; an account
     * that would be overdrawn refuses too, and then nothing is applied.
     */
    public static LedgerTransaction post(String idempotencyKey, TransactionKind kind, String partner, String contentId,
                                         Long reverses, Map<LedgerAccount, Long> amounts, Instant now) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key of 1.." + MAX_KEY_LENGTH + " characters is required");
        }
        if (kind == null || !kind.posted()) {
            throw new IllegalArgumentException("no transaction is of kind " + kind);
        }
        if (amounts.size() < 2) {
            throw new IllegalArgumentException("a transaction moves money between at least two accounts");
        }
        long sum = 0;
        Set<Long> ids = new HashSet<>();
        for (Map.Entry<LedgerAccount, Long> e : amounts.entrySet()) {
            if (e.getValue() == 0) {
                throw new IllegalArgumentException("an entry of zero yen");
            }
            if (e.getKey().id() != null && !ids.add(e.getKey().id())) {
                throw new IllegalArgumentException("an account appears twice");
            }
            sum = Math.addExact(sum, e.getValue());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("entries sum to " + sum + ", not zero");
        }
        // Check every account first so that a refusal leaves all balances as they were.
        amounts.forEach(LedgerAccount::refuseOverdraft);
        LedgerTransaction t = new LedgerTransaction();
        t.idempotencyKey = idempotencyKey;
        t.kind = kind;
        t.partner = partner;
        t.contentId = contentId;
        t.reverses = reverses;
        t.postedAt = now;
        for (Map.Entry<LedgerAccount, Long> e : amounts.entrySet()) {
            e.getKey().apply(e.getValue());
            t.entries.add(new LedgerEntry(t, e.getKey(), e.getValue(), e.getKey().balance()));
        }
        return t;
    }

    /** The amounts that undo this transaction, account by account. */
    public Map<Long, Long> compensatingAmounts() {
        Map<Long, Long> out = new java.util.LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            out.put(e.account().id(), -e.amount());
        }
        return out;
    }

    public Long id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public TransactionKind kind() {
        return kind;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String partner() {
        return partner;
    }

    public String contentId() {
        return contentId;
    }

    public Long reverses() {
        return reverses;
    }

    public List<LedgerEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The amount this transaction moved on one account, or zero. */
    public long amountOn(Long accountId) {
        return entries.stream().filter(e -> e.account().id().equals(accountId)).mapToLong(LedgerEntry::amount).sum();
    }
}
