package org.cascade.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyReportTest {

    private static final Instant AT = Instant.parse("2025-04-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 4, 1);

    private static Store store() {
        return new Store("Shibuya", "1-2-3 Shibuya", AT);
    }

    private static CounterReceipt receipt(CounterOperation op, long amount) {
        return new CounterReceipt(12L, "clerk1", op, "CM-ABCD-EFGH", amount, 1L, AT);
    }

    private static List<CounterReceipt> aDay() {
        return List.of(
                receipt(CounterOperation.SALE, 3000),
                receipt(CounterOperation.SALE, 2000),
                receipt(CounterOperation.REPLENISHMENT, 1000),
                receipt(CounterOperation.REPLENISHMENT, 500),
                receipt(CounterOperation.REPLENISHMENT, 700),
                receipt(CounterOperation.VOID, 700).voiding(5L),
                receipt(CounterOperation.REISSUE, 4200).carriedFrom("CM-OLD0-0001"));
    }

    @Test
    void linesTotalCountAndAmountPerOperationInOperationOrder() {
        DailyReport report = new DailyReport(store(), DAY, aDay(), 0);

        assertEquals(List.of(
                new DailyReport.Line(CounterOperation.SALE, 2, 5000),
                new DailyReport.Line(CounterOperation.REPLENISHMENT, 3, 2200),
                new DailyReport.Line(CounterOperation.VOID, 1, 700),
                new DailyReport.Line(CounterOperation.REISSUE, 1, 4200)), report.lines());
    }

    @Test
    void emptyDayHasAZeroLineForEveryOperation() {
        DailyReport report = new DailyReport(store(), DAY, List.of(), 0);

        assertEquals(CounterOperation.values().length, report.lines().size());
        report.lines().forEach(l -> {
            assertEquals(0, l.count());
            assertEquals(0, l.amount());
        });
        assertEquals(0, report.cashTotal());
        assertTrue(report.reconciled());
        assertEquals(0, report.difference());
    }

    @Test
    void cashTotalIsSalesPlusReplenishmentsLessVoidsAndReissuesMoveNoCash() {
        DailyReport report = new DailyReport(store(), DAY, aDay(), 0);

        assertEquals(5000 + 2200 - 700, report.cashTotal());
    }

    @Test
    void receiptCashIsSignedByOperation() {
        assertEquals(300, receipt(CounterOperation.SALE, 300).cash());
        assertEquals(300, receipt(CounterOperation.REPLENISHMENT, 300).cash());
        assertEquals(-300, receipt(CounterOperation.VOID, 300).cash());
        assertEquals(0, receipt(CounterOperation.REISSUE, 300).cash());
    }

    @Test
    void dayIsReconciledWhenReceiptsAgreeWithTheLedger() {
        DailyReport report = new DailyReport(store(), DAY, aDay(), 6500);

        assertTrue(report.reconciled());
        assertEquals(0, report.difference());
    }

    @Test
    void differenceIsReceiptsLessLedgerWhenTheyDisagree() {
        DailyReport moreOnReceipts = new DailyReport(store(), DAY, aDay(), 6000);
        DailyReport moreInLedger = new DailyReport(store(), DAY, aDay(), 7200);

        assertFalse(moreOnReceipts.reconciled());
        assertEquals(500, moreOnReceipts.difference());
        assertFalse(moreInLedger.reconciled());
        assertEquals(-700, moreInLedger.difference());
    }

    @Test
    void reportKeepsItsStoreAndDay() {
        Store store = store();
        DailyReport report = new DailyReport(store, DAY, aDay(), 0);

        assertEquals("Shibuya", report.store().name());
        assertEquals(DAY, report.day());
        assertEquals(7, report.receipts().size());
    }
}
