package org.cascade.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    void add(LedgerAccount account);

    Optional<LedgerAccount> account(long id);

    Optional<LedgerAccount> accountOf(AccountType type, String owner);

    /** The account, locked for writing until the transaction ends. */
    LedgerAccount lockAccount(long id);

    void add(LedgerTransaction transaction);

    Optional<LedgerTransaction> transaction(long id);

    Optional<LedgerTransaction> transactionByKey(String idempotencyKey);

    Optional<LedgerTransaction> reversalOf(long transactionId);

    void add(AccountingRecord record);

    void add(HistoryRecord record);

    List<AccountingRecord> accountingRecords(long accountId, int first, int max);

    long countAccountingRecords(long accountId);

    List<HistoryRecord> history(long accountId, int first, int max);

    long countHistory(long accountId);

    /** Per transaction kind on one account over [from, to): count and sum of its entries. */
    List<KindTotal> totalsByKind(long accountId, Instant from, Instant to);

    record KindTotal(TransactionKind kind, long count, long sum) {
    }

    /** Per content, the sum of the entries on one owner's account of a type (e.g. a holder's royalties). */
    java.util.Map<String, Long> sumsByContent(AccountType type, String owner);

    long sumOfAllBalances();

    long countNegativePrepaidAccounts();

    long countUnbalancedTransactions();

    long countAccountsWhoseBalanceDrifted();

    long countDuplicateIdempotencyKeys();

    /** How many transactions of a kind named {@code partner} and moved money on the account. */
    long countByKindPartnerAndAccount(TransactionKind kind, String partner, long accountId);

    /** How many distinct accounts of a type paid, in transactions of a kind, that credited the account. */
    long countPayersOfKindToAccount(TransactionKind kind, AccountType payerType, long accountId);

    /** How many transactions of a kind moved money on both accounts. */
    long countByKindTouchingBoth(TransactionKind kind, long one, long two);
}
