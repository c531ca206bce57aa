package org.cascade.store.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A store's day: its receipts added up per operation, the cash the store took in, and the same
 * figure as the ledger's store cash account moved it. The two agree on a sound day.
 */
public record DailyReport(Store store, LocalDate day, List<CounterReceipt> receipts, long ledgerCash) {

    public record Line(CounterOperation operation, long count, long amount) {
    }

    public List<Line> lines() {
        Map<CounterOperation, long[]> totals = new EnumMap<>(CounterOperation.class);
        for (CounterOperation op : CounterOperation.values()) {
            totals.put(op, new long[2]);
        }
        for (CounterReceipt r : receipts) {
            long[] t = totals.get(r.operation());
            t[0]++;
            t[1] += r.amount();
        }
        return totals.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Cash taken in by the counter according to its own receipts. */
    public long cashTotal() {
        return receipts.stream().mapToLong(CounterReceipt::cash).sum();
    }

    public boolean reconciled() {
        return cashTotal() == ledgerCash;
    }

    public long difference() {
        return cashTotal() - ledgerCash;
    }
}
