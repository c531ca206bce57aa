package org.cascade.settlement.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The center's records matched against each other and against the terminals' for one period
 * (historical data processing section 26, charging data processing section 24). Each rule takes
 * plain figures and returns the differences it finds, none on sound records.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /**
     * One posting on a media's account, in posting order, with the balance the ledger wrote after it
     * and the terminal's accounting record of it (null amounts when the record is missing).
     */
    public record Posting(long transactionId, boolean inPeriod, long amount, long balanceAfter,
                          Long recordAmount, Long recordBalance) {
    }

    /**
     * A media's postings up to the period's end: its balance at the end must be the sum of all of
     * them, and each posting of the period must be mirrored exactly by its accounting record.
     */
    public static List<Difference> media(String media, List<Posting> postings) {
        List<Difference> out = new ArrayList<>();
        long sum = 0;
        Posting last = null;
        for (Posting p : postings) {
            sum += p.amount();
            last = p;
            if (p.inPeriod() && (p.recordAmount() == null || p.recordAmount() != p.amount()
                    || p.recordBalance() == null || p.recordBalance() != p.balanceAfter())) {
                out.add(new Difference(Difference.Check.MEDIA_RECORD, media, p.balanceAfter(),
                        p.recordBalance() == null ? 0 : p.recordBalance(), List.of(p.transactionId())));
            }
        }
        if (last != null && last.balanceAfter() != sum) {
            out.add(new Difference(Difference.Check.MEDIA_BALANCE, media, sum, last.balanceAfter(),
                    postings.stream().filter(Posting::inPeriod).map(Posting::transactionId).toList()));
        }
        return out;
    }

    /** A transfer's transaction: what the receivers were charged (debits) must be what was credited. */
    public static List<Difference> transfer(String content, long transactionId, List<Long> amounts) {
        long charged = -amounts.stream().filter(a -> a < 0).mapToLong(Long::longValue).sum();
        long credited = amounts.stream().filter(a -> a > 0).mapToLong(Long::longValue).sum();
        return charged == credited ? List.of()
                : List.of(new Difference(Difference.Check.TRANSFER_CHARGE, content, charged, credited, List.of(transactionId)));
    }

    /** A counter journal line: the receipt and the ledger transaction it names, with the cash it says changed hands. */
    public record Receipt(long receiptId, long transactionId, long cash) {
    }

    /**
     * A store's period: every transaction on its drawer (outside settlement) must have its receipt
     * with the same cash, and every receipt its transaction. The drawer goes negative by the cash
     * taken, so a receipt of {@code cash} matches a drawer movement of {@code -cash}.
     */
    public static List<Difference> store(String store, Map<Long, Long> drawerByTransaction, List<Receipt> receipts) {
        List<Difference> out = new ArrayList<>();
        Map<Long, Long> unmatched = new LinkedHashMap<>(drawerByTransaction);
        for (Receipt r : receipts) {
            Long drawer = unmatched.remove(r.transactionId());
            long moved = drawer == null ? 0 : -drawer;
            if (moved != r.cash()) {
                out.add(new Difference(Difference.Check.STORE_CASH, store, r.cash(), moved, List.of(r.transactionId())));
            }
        }
        unmatched.forEach((tx, drawer) ->
                out.add(new Difference(Difference.Check.STORE_CASH, store, 0, -drawer, List.of(tx))));
        return out;
    }
}
