package org.cascade.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class LedgerTransactionTest {

    private static final Instant NOW = Instant.parse("2025-04-01T10:15:30Z");

    private static LedgerAccount account(AccountType type, String owner, long id) {
        LedgerAccount a = new LedgerAccount(type, owner, NOW);
        try {
            Field f = LedgerAccount.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(a, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return a;
    }

    /** Amounts in the given iteration order: account, amount, account, amount, ... */
    private static Map<LedgerAccount, Long> amounts(Object... pairs) {
        Map<LedgerAccount, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((LedgerAccount) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }

    private static LedgerTransaction post(String key, Map<LedgerAccount, Long> amounts) {
        return LedgerTransaction.post(key, TransactionKind.REPLENISHMENT, "store:1", null, null, amounts, NOW);
    }

    @Test
    void eachSideOfAReceptionNamesTheOtherAndItsOwnPartInItsRecords() {
        LedgerAccount receiver = account(AccountType.PREPAID, "media:CM-RRRR", 1);
        LedgerAccount distributor = account(AccountType.PREPAID, "media:CM-DDDD", 2);
        LedgerAccount holder = account(AccountType.HOLDER_PAYABLE, "holder:h", 3);
        receiver.apply(1_000);
        LedgerTransaction t = LedgerTransaction.post("r1", TransactionKind.RECEPTION, "CM-DDDD", "CT-1", null,
                amounts(receiver, -300, distributor, 30, holder, 270), NOW);
        AccountingRecord paid = new AccountingRecord(t.entries().get(0), null);
        AccountingRecord earned = new AccountingRecord(t.entries().get(1), "CM-RRRR");
        assertEquals(TransactionKind.RECEPTION, paid.reason());
        assertEquals("CM-DDDD", paid.partner());
        assertEquals(TransactionKind.CONTENT_SENT, earned.reason());
        assertEquals("CM-RRRR", earned.partner());
        HistoryRecord sent = new HistoryRecord(earned, 2L, t);
        assertEquals(TransactionKind.CONTENT_SENT, sent.event());
        assertEquals("CM-RRRR", sent.partner());
        assertEquals("CT-1", sent.contentId());
        // Every other kind names itself on all its sides.
        for (TransactionKind kind : TransactionKind.values()) {
            if (kind != TransactionKind.RECEPTION) {
                assertEquals(kind, kind.recordedFor(10));
                assertEquals(kind, kind.recordedFor(-10));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LedgerTransaction.post("r2", TransactionKind.CONTENT_SENT, null, null, null,
                amounts(receiver, -1, distributor, 1), NOW));
    }

    @Test
    void balancedPostingAppliesAmountsAndRecordsBalanceAfter() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);

        post("k1", amounts(media, 1000, cash, -1000));
        LedgerTransaction t = LedgerTransaction.post("k2", TransactionKind.REPLENISHMENT, "store:1", "content-7", 41L,
                amounts(media, 500, cash, -500), NOW);

        assertEquals(1500, media.balance());
        assertEquals(-1500, cash.balance());
        List<LedgerEntry> entries = t.entries();
        assertEquals(2, entries.size());
        assertSame(media, entries.get(0).account());
        assertEquals(500, entries.get(0).amount());
        assertEquals(1500, entries.get(0).balanceAfter());
        assertSame(cash, entries.get(1).account());
        assertEquals(-500, entries.get(1).amount());
        assertEquals(-1500, entries.get(1).balanceAfter());
        assertSame(t, entries.get(0).transaction());
        assertEquals("k2", t.idempotencyKey());
        assertEquals(TransactionKind.REPLENISHMENT, t.kind());
        assertEquals("store:1", t.partner());
        assertEquals("content-7", t.contentId());
        assertEquals(41L, t.reverses());
        assertEquals(NOW, t.postedAt());
        assertEquals(500, t.amountOn(1L));
        assertEquals(-500, t.amountOn(2L));
        assertEquals(0, t.amountOn(99L));
    }

    @Test
    void threeWayPostingIsAcceptedWhenItSumsToZero() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount holder = account(AccountType.HOLDER_PAYABLE, "holder:3", 2);
        LedgerAccount revenue = account(AccountType.CENTER_REVENUE, "center", 3);
        post("seed", amounts(media, 1000, account(AccountType.STORE_CASH, "store:1", 4), -1000));

        LedgerTransaction t = post("k", amounts(media, -300, holder, 270, revenue, 30));

        assertEquals(3, t.entries().size());
        assertEquals(700, media.balance());
        assertEquals(270, holder.balance());
        assertEquals(30, revenue.balance());
        assertEquals(0, t.entries().stream().mapToLong(LedgerEntry::amount).sum());
    }

    @Test
    void entriesThatDoNotSumToZeroAreRefusedAndChangeNothing() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);

        assertThrows(IllegalArgumentException.class, () -> post("k", amounts(media, 1000, cash, -999)));
        assertEquals(0, media.balance());
        assertEquals(0, cash.balance());
    }

    @Test
    void transactionNeedsAtLeastTwoAccounts() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);

        assertThrows(IllegalArgumentException.class, () -> post("k", amounts(cash, 100)));
        assertThrows(IllegalArgumentException.class, () -> post("k", amounts()));
        assertEquals(0, cash.balance());
    }

    @Test
    void zeroAmountEntryIsRefused() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount revenue = account(AccountType.CENTER_REVENUE, "center", 3);

        assertThrows(IllegalArgumentException.class, () -> post("k", amounts(media, 0, cash, 0)));
        assertThrows(IllegalArgumentException.class, () -> post("k", amounts(media, 100, cash, -100, revenue, 0)));
        assertEquals(0, media.balance());
        assertEquals(0, cash.balance());
    }

    @Test
    void sameAccountIdTwiceIsRefused() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount sameCashLoadedTwice = account(AccountType.STORE_CASH, "store:1", 2);

        assertThrows(IllegalArgumentException.class, () -> post("k", amounts(cash, 100, sameCashLoadedTwice, -100)));
        assertEquals(0, cash.balance());
        assertEquals(0, sameCashLoadedTwice.balance());
    }

    @Test
    void prepaidAccountRefusesOverdraftAndNoBalanceChanges() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        post("seed", amounts(cash, -300, media, 300));

        // The store cash account comes first in iteration order: were the check not done up front,
        // its +500 would already be applied when the prepaid account refuses.
        RuleViolation refused = assertThrows(RuleViolation.class, () -> post("k", amounts(cash, 500, media, -500)));

        assertEquals("ledger.balance.insufficient", refused.messageKey());
        assertArrayEquals(new Object[] {300L, 500L}, refused.arguments());
        assertEquals(-300, cash.balance());
        assertEquals(300, media.balance());
    }

    @Test
    void prepaidAccountMayBeSpentDownToExactlyZero() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount revenue = account(AccountType.CENTER_REVENUE, "center", 3);
        post("seed", amounts(cash, -300, media, 300));

        LedgerTransaction t = post("k", amounts(media, -300, revenue, 300));

        assertEquals(0, media.balance());
        assertEquals(0, t.entries().get(0).balanceAfter());
    }

    @Test
    void storeCashAccountMayGoNegative() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);

        LedgerTransaction t = post("k", amounts(cash, -2000, media, 2000));

        assertEquals(-2000, cash.balance());
        assertEquals(-2000, t.entries().get(0).balanceAfter());
        assertEquals(2000, media.balance());
    }

    @Test
    void compensatingAmountsNegateEachEntry() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 11);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 12);
        LedgerAccount revenue = account(AccountType.CENTER_REVENUE, "center", 13);

        LedgerTransaction t = post("k", amounts(media, 700, cash, -1000, revenue, 300));

        Map<Long, Long> expected = new LinkedHashMap<>();
        expected.put(11L, -700L);
        expected.put(12L, 1000L);
        expected.put(13L, -300L);
        assertEquals(expected, t.compensatingAmounts());
        assertEquals(0, t.compensatingAmounts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void compensatingTransactionRestoresEveryBalance() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 11);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 12);
        Map<Long, LedgerAccount> byId = Map.of(11L, media, 12L, cash);
        LedgerTransaction original = post("k", amounts(media, 700, cash, -700));

        Map<LedgerAccount, Long> undo = new LinkedHashMap<>();
        original.compensatingAmounts().forEach((id, amount) -> undo.put(byId.get(id), amount));
        LedgerTransaction.post("void:k", TransactionKind.REPLENISHMENT_VOID, "store:1", null, 5L, undo, NOW);

        assertEquals(0, media.balance());
        assertEquals(0, cash.balance());
    }

    @Test
    void blankOrMissingIdempotencyKeyIsRefused() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);

        assertThrows(IllegalArgumentException.class, () -> post(null, amounts(cash, -1, media, 1)));
        assertThrows(IllegalArgumentException.class, () -> post("", amounts(cash, -1, media, 1)));
        assertThrows(IllegalArgumentException.class, () -> post("   ", amounts(cash, -1, media, 1)));
        assertEquals(0, media.balance());
        assertEquals(0, cash.balance());
    }

    @Test
    void idempotencyKeyLongerThanTheColumnIsRefused() {
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        String longest = "k".repeat(LedgerTransaction.MAX_KEY_LENGTH);

        assertThrows(IllegalArgumentException.class, () -> post(longest + "k", amounts(cash, -1, media, 1)));
        assertEquals(0, media.balance());

        assertEquals(longest, post(longest, amounts(cash, -1, media, 1)).idempotencyKey());
        assertEquals(1, media.balance());
    }

    @Test
    void overflowingSumIsRefusedWithArithmeticException() {
        LedgerAccount a = account(AccountType.CENTER_REVENUE, "center", 1);
        LedgerAccount b = account(AccountType.HOLDER_PAYABLE, "holder:1", 2);
        LedgerAccount c = account(AccountType.STORE_CASH, "store:1", 3);

        assertThrows(ArithmeticException.class, () -> post("k", amounts(a, Long.MAX_VALUE, b, Long.MAX_VALUE, c, 2)));
        assertEquals(0, a.balance());
        assertEquals(0, b.balance());
        assertEquals(0, c.balance());
    }

    @Test
    void prepaidBalanceOverflowIsRefusedBeforeAnythingIsApplied() {
        LedgerAccount cash = account(AccountType.STORE_CASH, "store:1", 2);
        LedgerAccount media = account(AccountType.PREPAID, "media:CM-AAAA-BBBB", 1);
        post("seed", amounts(cash, -Long.MAX_VALUE, media, Long.MAX_VALUE));

        assertThrows(ArithmeticException.class, () -> post("k", amounts(cash, -1, media, 1)));
        assertEquals(-Long.MAX_VALUE, cash.balance());
        assertEquals(Long.MAX_VALUE, media.balance());
    }
}
