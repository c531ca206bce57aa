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

    /** Per account of these types, the sum of its entries posted in [from, to), leaving out one kind. */
    List<AccountNet> netsBetween(java.util.Set<AccountType> types, Instant from, Instant to, TransactionKind excluded);

    record AccountNet(long accountId, AccountType type, String owner, long net) {
    }

    /** When the first entry on an account of these types was posted in [from, to), leaving out one kind. */
    Optional<Instant> firstPostedBetween(java.util.Set<AccountType> types, Instant from, Instant to, TransactionKind excluded);

    /**
     * Every entry up to {@code to} on the accounts of a type that had an entry in [from, to), in
     * posting order per account, each with the FIG. 12A record written for it (null if none).
     */
    List<StatementLine> statementsBetween(AccountType type, Instant from, Instant to);

    record StatementLine(LedgerEntry entry, AccountingRecord record) {
    }

    /** Every entry of the transactions posted in [from, to), by transaction. */
    List<LedgerEntry> entriesBetween(Instant from, Instant to);

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
