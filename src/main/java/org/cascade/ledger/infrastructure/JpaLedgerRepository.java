package org.cascade.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.AccountingRecord;
import org.cascade.ledger.domain.HistoryRecord;
import org.cascade.ledger.domain.LedgerEntry;
import org.cascade.ledger.domain.LedgerAccount;
import org.cascade.ledger.domain.LedgerRepository;
import org.cascade.ledger.domain.LedgerTransaction;
import org.cascade.ledger.domain.TransactionKind;

@ApplicationScoped
public class JpaLedgerRepository implements LedgerRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(LedgerAccount account) {
        em.persist(account);
        em.flush();
    }

    @Override
    public Optional<LedgerAccount> account(long id) {
        return Optional.ofNullable(em.find(LedgerAccount.class, id));
    }

    @Override
    public Optional<LedgerAccount> accountOf(AccountType type, String owner) {
        return em.createNamedQuery("LedgerAccount.findByOwner", LedgerAccount.class)
                .setParameter("type", type).setParameter("owner", owner).getResultStream().findFirst();
    }

    @Override
    public LedgerAccount lockAccount(long id) {
        LedgerAccount a = em.find(LedgerAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new IllegalArgumentException("no ledger account " + id);
        }
        return a;
    }

    @Override
    public void add(LedgerTransaction transaction) {
        em.persist(transaction);
        // The unique idempotency key is checked here, inside the use case, not at commit.
        em.flush();
    }

    @Override
    public Optional<LedgerTransaction> transaction(long id) {
        return Optional.ofNullable(em.find(LedgerTransaction.class, id));
    }

    @Override
    public Optional<LedgerTransaction> transactionByKey(String key) {
        return em.createNamedQuery("LedgerTransaction.findByIdempotencyKey", LedgerTransaction.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @Override
    public Optional<LedgerTransaction> reversalOf(long transactionId) {
        return em.createNamedQuery("LedgerTransaction.findByReverses", LedgerTransaction.class)
                .setParameter("id", transactionId).getResultStream().findFirst();
    }

    @Override
    public void add(AccountingRecord record) {
        em.persist(record);
        em.flush();
    }

    @Override
    public void add(HistoryRecord record) {
        em.persist(record);
    }

    @Override
    public List<AccountingRecord> accountingRecords(long accountId, int first, int max) {
        return em.createNamedQuery("AccountingRecord.findByAccount", AccountingRecord.class)
                .setParameter("account", accountId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countAccountingRecords(long accountId) {
        return em.createNamedQuery("AccountingRecord.countByAccount", Long.class).setParameter("account", accountId).getSingleResult();
    }

    @Override
    public List<HistoryRecord> history(long accountId, int first, int max) {
        return em.createNamedQuery("HistoryRecord.findByAccount", HistoryRecord.class)
                .setParameter("account", accountId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long countHistory(long accountId) {
        return em.createNamedQuery("HistoryRecord.countByAccount", Long.class).setParameter("account", accountId).getSingleResult();
    }

    @Override
    public List<KindTotal> totalsByKind(long accountId, Instant from, Instant to) {
        List<Object[]> rows = em.createNamedQuery("LedgerEntry.sumByKindForAccountBetween", Object[].class)
                .setParameter("account", accountId).setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new KindTotal((TransactionKind) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
    }

    @Override
    public java.util.Map<String, Long> sumsByContent(AccountType type, String owner) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (Object[] row : em.createNamedQuery("LedgerEntry.sumByContentForOwner", Object[].class)
                .setParameter("type", type).setParameter("owner", owner).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<AccountNet> netsBetween(java.util.Set<AccountType> types, Instant from, Instant to, TransactionKind excluded) {
        return em.createNamedQuery("LedgerEntry.netByAccountBetween", Object[].class).setParameter("types", types)
                .setParameter("from", from).setParameter("to", to).setParameter("excluded", excluded).getResultList().stream()
                .map(r -> new AccountNet(((Number) r[0]).longValue(), (AccountType) r[1], (String) r[2], ((Number) r[3]).longValue()))
                .toList();
    }

    @Override
    public Optional<Instant> firstPostedBetween(java.util.Set<AccountType> types, Instant from, Instant to, TransactionKind excluded) {
        return Optional.ofNullable(em.createNamedQuery("LedgerEntry.firstPostedBetween", Instant.class).setParameter("types", types)
                .setParameter("from", from).setParameter("to", to).setParameter("excluded", excluded).getSingleResult());
    }

    @Override
    public List<StatementLine> statementsBetween(AccountType type, Instant from, Instant to) {
        java.util.Map<java.util.List<Long>, AccountingRecord> records = new java.util.HashMap<>();
        for (AccountingRecord r : em.createNamedQuery("AccountingRecord.findByAccountTypeActiveBetween", AccountingRecord.class)
                .setParameter("type", type).setParameter("from", from).setParameter("to", to).getResultList()) {
            records.put(List.of(r.accountId(), r.transactionId()), r);
        }
        return em.createNamedQuery("LedgerEntry.findByAccountTypeActiveBetween", LedgerEntry.class).setParameter("type", type)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(e -> new StatementLine(e, records.get(List.of(e.account().id(), e.transaction().id())))).toList();
    }

    @Override
    public List<LedgerEntry> entriesBetween(Instant from, Instant to) {
        return em.createNamedQuery("LedgerEntry.findBetween", LedgerEntry.class).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    @Override
    public long sumOfAllBalances() {
        return ((Number) em.createNamedQuery("LedgerAccount.sumOfBalances").getSingleResult()).longValue();
    }

    @Override
    public long countNegativePrepaidAccounts() {
        return ((Number) em.createNamedQuery("LedgerAccount.countNegative").getSingleResult()).longValue();
    }

    @Override
    public long countUnbalancedTransactions() {
        return ((Number) em.createNamedQuery("LedgerTransaction.countUnbalanced").getSingleResult()).longValue();
    }

    @Override
    public long countAccountsWhoseBalanceDrifted() {
        return ((Number) em.createNamedQuery("LedgerAccount.countDrifted").getSingleResult()).longValue();
    }

    @Override
    public long countDuplicateIdempotencyKeys() {
        return ((Number) em.createNamedQuery("LedgerTransaction.countDuplicateKeys").getSingleResult()).longValue();
    }

    @Override
    public long countByKindPartnerAndAccount(TransactionKind kind, String partner, long accountId) {
        return ((Number) em.createNamedQuery("LedgerTransaction.countByKindPartnerAndAccount").setParameter("kind", kind)
                .setParameter("partner", partner).setParameter("account", accountId).getSingleResult()).longValue();
    }

    @Override
    public long countByKindTouchingBoth(TransactionKind kind, long one, long two) {
        return ((Number) em.createNamedQuery("LedgerTransaction.countByKindTouchingBoth").setParameter("kind", kind)
                .setParameter("one", one).setParameter("two", two).getSingleResult()).longValue();
    }

    @Override
    public long countPayersOfKindToAccount(TransactionKind kind, AccountType payerType, long accountId) {
        return ((Number) em.createNamedQuery("LedgerTransaction.countPayersOfKindToAccount").setParameter("kind", kind)
                .setParameter("payerType", payerType).setParameter("account", accountId).getSingleResult()).longValue();
    }
}
