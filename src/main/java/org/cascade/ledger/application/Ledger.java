package org.cascade.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.AccountingRecord;
import org.cascade.ledger.domain.HistoryRecord;
import org.cascade.ledger.domain.LedgerAccount;
import org.cascade.ledger.domain.LedgerEntry;
import org.cascade.ledger.domain.LedgerRepository;
import org.cascade.ledger.domain.LedgerTransaction;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.application.Page;
import org.cascade.platform.domain.RuleViolation;

/**
 * The only way money moves in Cascade. Each call is one business event: posted once per
 * idempotency key (a repeat returns the first posting), with the accounts locked in id order so
 * that concurrent postings on shared accounts neither deadlock nor overdraw. Every entry on a
 * prepaid account writes its FIG. 12A accounting record and FIG. 12B history record.
 * <p>
 * Two twin requests racing on one key end with one posting and one replay: the loser's
 * transaction hits the unique key and is run again ({@code @ConflictRetried}) by whoever began it.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class Ledger {

    @Inject
    LedgerRepository repository;

    @Inject
    Event<PrepaidBalanceChanged> balanceChanged;

    @Inject
    Event<TransactionPosted> posted;

    @Inject
    Clock clock;

    /** The owner's account of that type, opened at zero if it does not exist yet. */
    public LedgerAccount open(@NotNull AccountType type, @NotBlank @Size(max = 64) String owner) {
        return repository.accountOf(type, owner).orElseGet(() -> {
            LedgerAccount a = new LedgerAccount(type, owner, clock.instant());
            repository.add(a);
            return a;
        });
    }

    public Posted post(@NotBlank @Size(max = LedgerTransaction.MAX_KEY_LENGTH) String idempotencyKey,
                       @NotNull TransactionKind kind, String partner, String contentId,
                       @NotEmpty List<Leg> legs) {
        return post(idempotencyKey, kind, partner, contentId, null, legs);
    }

    /**
     * Undoes a transaction with a compensating one (never a delete). A transaction is reversed
     * at most once; a prepaid account that has spent the money since refuses.
     */
    public Posted reverse(@NotBlank @Size(max = LedgerTransaction.MAX_KEY_LENGTH) String idempotencyKey,
                          @NotNull Long transactionId, @NotNull TransactionKind kind, String partner) {
        var replay = repository.transactionByKey(idempotencyKey);
        if (replay.isPresent()) {
            return new Posted(replay.get(), true);
        }
        LedgerTransaction original = repository.transaction(transactionId)
                .orElseThrow(() -> new RuleViolation("ledger.transaction.unknown", transactionId));
        if (repository.reversalOf(transactionId).isPresent()) {
            throw new RuleViolation("ledger.transaction.reversed", transactionId);
        }
        List<Leg> legs = original.compensatingAmounts().entrySet().stream()
                .map(e -> new Leg(e.getKey(), e.getValue())).toList();
        return post(idempotencyKey, kind, partner, original.contentId(), transactionId, legs);
    }

    private Posted post(String key, TransactionKind kind, String partner, String contentId, Long reverses, List<Leg> legs) {
        var replay = repository.transactionByKey(key);
        if (replay.isPresent()) {
            return new Posted(replay.get(), true);
        }
        Map<LedgerAccount, Long> amounts = new LinkedHashMap<>();
        Map<Long, String> partners = new java.util.HashMap<>();
        legs.stream().filter(leg -> leg.partner() != null).forEach(leg -> partners.putIfAbsent(leg.accountId(), leg.partner()));
        legs.stream().sorted(Comparator.comparingLong(Leg::accountId))
                .forEach(leg -> amounts.merge(repository.lockAccount(leg.accountId()), leg.amount(), Math::addExact));
        LedgerTransaction t = LedgerTransaction.post(key, kind, partner, contentId, reverses, amounts, clock.instant());
        repository.add(t);
        for (LedgerEntry entry : t.entries()) {
            LedgerAccount account = entry.account();
            if (account.type() == AccountType.PREPAID) {
                AccountingRecord accounting = new AccountingRecord(entry, partners.get(account.id()));
                repository.add(accounting);
                repository.add(new HistoryRecord(accounting, account.id(), t));
                balanceChanged.fire(new PrepaidBalanceChanged(account.id(), account.owner(), t.id(), account.balance(),
                        entry.amount(), t.kind()));
            }
        }
        posted.fire(new TransactionPosted(t.id(), t.kind()));
        return new Posted(t, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LedgerAccount account(long id) {
        return repository.account(id).orElseThrow(() -> new IllegalArgumentException("no ledger account " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<LedgerTransaction> transaction(long id) {
        return repository.transaction(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<LedgerTransaction> transactionByKey(String key) {
        return repository.transactionByKey(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isReversed(long transactionId) {
        return repository.reversalOf(transactionId).isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountingRecord> accountingRecords(long accountId, @Min(0) int page, @Min(1) @Max(100) int size) {
        return new Page<>(repository.accountingRecords(accountId, page * size, size), page, size,
                repository.countAccountingRecords(accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryRecord> history(long accountId, @Min(0) int page, @Min(1) @Max(100) int size) {
        return new Page<>(repository.history(accountId, page * size, size), page, size, repository.countHistory(accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerRepository.KindTotal> totalsByKind(long accountId, Instant from, Instant to) {
        return repository.totalsByKind(accountId, from, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, Long> sumsByContent(@NotNull AccountType type, @NotBlank String owner) {
        return repository.sumsByContent(type, owner);
    }

    /**
     * How many settled receptions paid {@code distributor} for pieces of a holder's contents: the
     * record the live lottery's priority reads ("distributed much of this artist before").
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long receptionsDistributed(@NotBlank String distributor, @NotBlank String holderPayableOwner) {
        return repository.accountOf(AccountType.HOLDER_PAYABLE, holderPayableOwner)
                .map(a -> repository.countByKindPartnerAndAccount(TransactionKind.RECEPTION, distributor, a.id()))
                .orElse(0L);
    }

    /** How many settled receptions a prepaid account paid that paid a holder: how well its user knows that holder's contents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long receptionsPaid(long prepaidAccountId, @NotBlank String holderPayableOwner) {
        return repository.accountOf(AccountType.HOLDER_PAYABLE, holderPayableOwner)
                .map(a -> repository.countByKindTouchingBoth(TransactionKind.RECEPTION, prepaidAccountId, a.id()))
                .orElse(0L);
    }

    /** How many storage medias paid for receptions of a holder's contents: the downloads Cascade's records count. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long receiversOf(@NotBlank String holderPayableOwner) {
        return repository.accountOf(AccountType.HOLDER_PAYABLE, holderPayableOwner)
                .map(a -> repository.countPayersOfKindToAccount(TransactionKind.RECEPTION, AccountType.PREPAID, a.id()))
                .orElse(0L);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerRepository.AccountNet> netsBetween(@NotEmpty java.util.Set<AccountType> types, @NotNull Instant from,
                                                         @NotNull Instant to, @NotNull TransactionKind excluded) {
        return repository.netsBetween(types, from, to, excluded);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Instant> firstPostedBetween(@NotEmpty java.util.Set<AccountType> types, @NotNull Instant from,
                                                          @NotNull Instant to, @NotNull TransactionKind excluded) {
        return repository.firstPostedBetween(types, from, to, excluded);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerRepository.StatementLine> statementsBetween(@NotNull AccountType type, @NotNull Instant from, @NotNull Instant to) {
        return repository.statementsBetween(type, from, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LedgerEntry> entriesBetween(@NotNull Instant from, @NotNull Instant to) {
        return repository.entriesBetween(from, to);
    }

    /** The invariants the ledger promises; all zero on a sound ledger. */
    public record Invariants(long sumOfAllBalances, long negativePrepaidAccounts, long unbalancedTransactions,
                             long driftedAccounts, long duplicateIdempotencyKeys) {

        public boolean hold() {
            return sumOfAllBalances == 0 && negativePrepaidAccounts == 0 && unbalancedTransactions == 0
                    && driftedAccounts == 0 && duplicateIdempotencyKeys == 0;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Invariants invariants() {
        return new Invariants(repository.sumOfAllBalances(), repository.countNegativePrepaidAccounts(),
                repository.countUnbalancedTransactions(), repository.countAccountsWhoseBalanceDrifted(),
                repository.countDuplicateIdempotencyKeys());
    }
}
