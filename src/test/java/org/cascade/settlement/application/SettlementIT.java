package org.cascade.settlement.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.settlement.domain.Acknowledgement;
import org.cascade.settlement.domain.AcknowledgementRefused;
import org.cascade.settlement.domain.Difference;
import org.cascade.settlement.domain.Direction;
import org.cascade.settlement.domain.Payment;
import org.cascade.settlement.domain.PaymentStatus;
import org.cascade.settlement.domain.SettlementFile;
import org.cascade.settlement.domain.SettlementRun;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.application.Stores;
import org.cascade.store.domain.Store;
import org.cascade.swarm.application.Receptions;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.ReceptionTerms;
import org.cascade.testing.Database;
import org.cascade.testing.Deployments;
import org.cascade.testing.SetClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settlement on a real Liberty and Derby, with the center's clock moved past midnight: a day of
 * sales, replenishments and receptions settles to the exact amounts per holder and store, and
 * settling it again changes nothing; a tampered acknowledgement is refused whole; a rejected
 * payment is carried to the next run; reconciliation finds the differences a test introduces.
 * A run that fails halfway posts nothing. Each test works on a day of its own, far from today, so
 * no other test's postings fall into it.
 */
@ExtendWith(ArquillianExtension.class)
class SettlementIT {

    static final int PIECE = 262_144;

    @Deployment
    static WebArchive deployment() {
        return Deployments.withSetClock().addClasses(SettlementIT.class, Database.class);
    }

    @Inject
    Settlements settlements;

    @Inject
    Reconciliations reconciliations;

    @Inject
    Stores stores;

    @Inject
    StoreCounter counter;

    @Inject
    Receptions receptions;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    @Inject
    Database database;

    LocalDate day;
    Store store;
    String clerk;
    String holder;
    ReceptionTerms terms;

    @BeforeEach
    void aDayOfItsOwn() {
        day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        at(day, 10);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        store = stores.open("Settle " + suffix, null);
        clerk = "st-" + suffix;
        stores.hireClerk(store.id(), clerk, "Clerk " + suffix);
        holder = "sh-" + suffix;
        terms = new ReceptionTerms("CT-" + suffix, holder, 10L * PIECE, PIECE, 1_200, 15);
    }

    @AfterEach
    void realTime() {
        SetClock.reset();
    }

    private void at(LocalDate date, int hour) {
        SetClock.set(date.atTime(hour, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    private String sell(long amount) {
        return counter.sell(clerk, amount, "settle-password".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
    }

    private static PieceSet pieces(int from, int to) {
        return PieceSet.of(10, IntStream.range(from, to).toArray());
    }

    private long balance(AccountType type, String owner) {
        return ledger.account(ledger.open(type, owner).id()).balance();
    }

    private static Payment paymentTo(SettlementRun run, String payee) {
        return run.payments().stream().filter(p -> p.payee().equals(payee)).findFirst()
                .orElseThrow(() -> new AssertionError("no payment to " + payee + " in " + run.file()));
    }

    @Test
    void aDaySettlesToTheExactAmountsPerHolderAndStoreAndAgainChangesNothing() {
        String receiver = sell(5_000);
        String distributor = sell(100);
        counter.replenish(clerk, receiver, 700, UUID.randomUUID().toString());
        var mistaken = counter.replenish(clerk, distributor, 300, UUID.randomUUID().toString());
        counter.voidReplenishment(clerk, mistaken.receipt().id());
        // Ten pieces from a terminal (1,200 yen: 180 to it, 120 to the center, 900 to the holder) …
        receptions.settle(terms, receiver, distributor, pieces(0, 10), pieces(0, 10));
        // … and a second content of the same holder, five pieces from the center itself (600 yen: 450 to the holder).
        ReceptionTerms second = new ReceptionTerms(terms.contentId() + "b", holder, 10L * PIECE, PIECE, 1_200, 15);
        receptions.settle(second, receiver, null, pieces(0, 5), pieces(0, 5));

        at(day.plusDays(1), 3);
        RuleViolation open = assertThrows(RuleViolation.class, () -> settlements.settle(day.plusDays(1)));
        assertEquals("settlement.period.open", open.messageKey());

        Settlements.Outcome first = settlements.settle(day);
        assertEquals(false, first.replay());
        Payment royalties = paymentTo(first.run(), "holder:" + holder);
        assertEquals(Direction.PAY, royalties.direction());
        assertEquals(900 + 450, royalties.amount());
        Payment takings = paymentTo(first.run(), store.ledgerName());
        assertEquals(Direction.COLLECT, takings.direction());
        assertEquals(5_000 + 100 + 700, takings.amount(), "sales and replenishments; the voided one is not remitted");
        assertEquals(0, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder));
        assertEquals(0, balance(AccountType.STORE_CASH, store.ledgerName()));
        assertTrue(first.run().file().contains("\n" + royalties.id() + ",HOLDER,holder:" + holder + ",PAY,1350\n"), first.run().file());
        assertTrue(first.run().file().contains("\n" + takings.id() + ",STORE," + store.ledgerName() + ",COLLECT,5800\n"));
        String body = first.run().file().substring(0, first.run().file().lastIndexOf("sha256,"));
        assertTrue(first.run().file().endsWith("sha256," + SettlementFile.checksum(body) + "\n"));
        long clearing = royalties.transactionId();

        Settlements.Outcome again = settlements.settle(day);
        assertTrue(again.replay());
        assertEquals(first.run().id(), again.run().id());
        assertEquals(first.run().file(), again.run().file());
        assertTrue(settlements.settleClosedPeriods().stream().noneMatch(r -> r.day().equals(day)), "the schedule finds the day settled");
        assertEquals(clearing, ledger.transactionByKey("settlement:" + royalties.id()).orElseThrow().id(), "posted once");
        assertEquals(0, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder));
        assertEquals(0, balance(AccountType.STORE_CASH, store.ledgerName()));
        assertTrue(counter.dailyReport(clerk, store.id(), day).reconciled(), "the remittance is not a counter operation");
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }

    @Test
    void aTamperedAcknowledgementIsRefusedWholeAndARejectedPaymentIsCarriedToTheNextRun() throws Exception {
        String receiver = sell(3_000);
        receptions.settle(terms, receiver, null, pieces(0, 5), pieces(0, 5));
        at(day.plusDays(1), 2);
        SettlementRun run = settlements.settle(day).run();
        Payment royalties = paymentTo(run, "holder:" + holder);
        Payment takings = paymentTo(run, store.ledgerName());
        assertEquals(450, royalties.amount());
        assertEquals(3_000, takings.amount());

        String good = Acknowledgement.write(List.of(
                new Acknowledgement.Line(2, takings.id(), PaymentStatus.DEPOSITED, 3_000),
                new Acknowledgement.Line(3, royalties.id(), PaymentStatus.REJECTED, 450)));
        AcknowledgementRefused tampered = assertThrows(AcknowledgementRefused.class,
                () -> settlements.acknowledge(good.replace(",3000\n", ",30000\n")));
        assertEquals("settlement.ack.checksum", tampered.messageKey());
        assertEquals(4, tampered.line());
        AcknowledgementRefused unknown = assertThrows(AcknowledgementRefused.class, () -> settlements.acknowledge(
                Acknowledgement.write(List.of(new Acknowledgement.Line(2, takings.id(), PaymentStatus.DEPOSITED, 3_000),
                        new Acknowledgement.Line(3, run.name() + "-999", PaymentStatus.DEPOSITED, 450)))));
        assertEquals("settlement.ack.unknownPayment", unknown.messageKey());
        assertEquals(3, unknown.line());
        AcknowledgementRefused mismatch = assertThrows(AcknowledgementRefused.class, () -> settlements.acknowledge(
                Acknowledgement.write(List.of(new Acknowledgement.Line(2, takings.id(), PaymentStatus.DEPOSITED, 3_000),
                        new Acknowledgement.Line(3, royalties.id(), PaymentStatus.DEPOSITED, 451)))));
        assertEquals("settlement.ack.amountMismatch", mismatch.messageKey());
        assertEquals(3, mismatch.line());
        // Refused whole: not even the sound first line was applied.
        SettlementRun unchanged = settlements.run(run.id());
        assertEquals(unchanged.payments().size(), unchanged.count(PaymentStatus.INSTRUCTED));
        assertEquals(0, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder));
        assertTrue(ledger.transactionByKey("deposit:" + takings.id()).isEmpty());

        assertEquals(new Settlements.Acknowledged(1, 1, 0), settlements.acknowledge(good.replace("\n", "\r\n")));
        assertEquals(new Settlements.Acknowledged(0, 0, 2), settlements.acknowledge(good), "the same answers again change nothing");
        assertEquals(450, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder), "the rejected royalties are owed again");
        List<Payment> holderSees = settlements.paymentsToHolder(holder);
        assertEquals(PaymentStatus.REJECTED, holderSees.get(0).status());

        at(day.plusDays(2), 2);
        SettlementRun next = settlements.settle(day.plusDays(1)).run();
        Payment carried = paymentTo(next, "holder:" + holder);
        assertEquals(450, carried.amount());
        assertTrue(next.payments().stream().noneMatch(p -> p.payee().equals(store.ledgerName())), "the store had nothing new");
        settlements.acknowledge(Acknowledgement.write(List.of(new Acknowledgement.Line(2, carried.id(), PaymentStatus.DEPOSITED, 450))));
        assertEquals(List.of(PaymentStatus.DEPOSITED, PaymentStatus.REJECTED),
                settlements.paymentsToHolder(holder).stream().map(Payment::status).toList());
        assertEquals(0, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder));
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }

    @Test
    void reconciliationFindsTheDifferencesATestIntroduces() {
        String receiver = sell(2_000);
        receptions.settle(terms, receiver, null, pieces(0, 10), pieces(0, 10));
        at(day.plusDays(1), 2);
        Reconciliations.Report sound = reconciliations.reconcile(day);
        assertEquals(List.of(), mine(sound, receiver), sound.differences().toString());
        assertTrue(sound.mediaChecked() >= 1 && sound.transfersChecked() >= 1 && sound.storesChecked() >= 1);

        // A posting on the store's drawer that its counter never recorded …
        at(day, 15);
        long stray = ledger.post("stray:" + UUID.randomUUID(), TransactionKind.REPLENISHMENT, store.ledgerName(), null, List.of(
                new Leg(media.find(receiver).accountId(), 500), new Leg(store.cashAccountId(), -500))).transaction().id();
        // … and the terminal's accounting record of the sale, changed behind the center's back.
        long sale = counter.recentReceipts(clerk).get(0).transactionId();
        assertEquals(1, database.update("update ACCOUNTING_RECORD set BALANCE = BALANCE + 1 where TRANSACTIONID = ?", sale));

        at(day.plusDays(1), 2);
        Reconciliations.Report found = reconciliations.reconcile(day);
        List<Difference> differences = mine(found, receiver);
        assertEquals(List.of(
                        new Difference(Difference.Check.MEDIA_RECORD, "media:" + receiver, 2_000, 2_001, List.of(sale)),
                        new Difference(Difference.Check.STORE_CASH, store.ledgerName(), 0, 500, List.of(stray))),
                differences);
        assertEquals(TransactionKind.REPLENISHMENT, found.events().get(stray).kind());
        assertEquals(TransactionKind.MEDIA_SALE, found.events().get(sale).kind());
    }

    @Test
    void aRunThatFailsHalfwayLeavesNothingPostedAndALaterRunSettlesNormally() {
        String receiver = sell(4_000);
        receptions.settle(terms, receiver, null, pieces(0, 5), pieces(0, 5));
        at(day.plusDays(1), 2);
        // The holder's payment comes first in the run, the store's second: the database now refuses
        // the store's clearing leg, so the run fails after one payment was posted in its transaction.
        String refuse = "REFUSE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        database.update("alter table LEDGER_ENTRY add constraint " + refuse + " check (ACCOUNT_ID <> "
                + store.cashAccountId() + " or AMOUNT < 0)");
        String firstPayment = new org.cascade.settlement.domain.Period(day, ZoneId.systemDefault()).runName() + "-001";
        try {
            assertThrows(RuntimeException.class, () -> settlements.settle(day));
        } finally {
            database.update("alter table LEDGER_ENTRY drop constraint " + refuse);
        }
        assertTrue(settlements.recent().stream().noneMatch(r -> r.day().equals(day)), "no run was kept");
        assertTrue(ledger.transactionByKey("settlement:" + firstPayment).isEmpty(), "the first payment's posting was not kept");
        assertEquals(450, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder), "the royalties are still owed");
        assertEquals(-4_000, balance(AccountType.STORE_CASH, store.ledgerName()), "the takings are still to remit");

        Settlements.Outcome later = settlements.settle(day);
        assertEquals(false, later.replay());
        Payment royalties = paymentTo(later.run(), "holder:" + holder);
        assertEquals(firstPayment, royalties.id());
        assertEquals(450, royalties.amount());
        assertEquals(4_000, paymentTo(later.run(), store.ledgerName()).amount());
        assertEquals(0, balance(AccountType.HOLDER_PAYABLE, "holder:" + holder));
        assertEquals(0, balance(AccountType.STORE_CASH, store.ledgerName()));
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }

    private List<Difference> mine(Reconciliations.Report report, String serial) {
        return report.differences().stream()
                .filter(d -> d.subject().equals("media:" + serial) || d.subject().equals(store.ledgerName())
                        || d.subject().startsWith(terms.contentId()))
                .toList();
    }
}
