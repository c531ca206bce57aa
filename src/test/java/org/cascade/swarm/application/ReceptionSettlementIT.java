package org.cascade.swarm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.application.Stores;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionTerms;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settling receptions on a real Liberty and Derby: a content received from two distributors
 * after an interruption costs exactly its unit cost; repeated, reordered and concurrent reports
 * settle each piece once; a piece only one side reports is not charged; a balance that cannot
 * pay is refused with nothing moved.
 */
@ExtendWith(ArquillianExtension.class)
class ReceptionSettlementIT {

    /** 10 pieces of 256 KiB, 1,200 yen, 15 % to the redistributing terminal. */
    static final int PIECE = 262_144;

    @Deployment
    static WebArchive deployment() {
        return Deployments.cascade().addClass(ReceptionSettlementIT.class);
    }

    @Inject
    Receptions receptions;

    @Inject
    Stores stores;

    @Inject
    StoreCounter counter;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    String clerk;
    String holder;
    ReceptionTerms terms;

    @BeforeEach
    void openStore() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long store = stores.open("Swarm " + suffix, null).id();
        clerk = "s-" + suffix;
        stores.hireClerk(store, clerk, "Clerk " + suffix);
        holder = "h-" + suffix;
        terms = new ReceptionTerms("CT-" + suffix, holder, 10L * PIECE, PIECE, 1_200, 15);
    }

    private String sell(long amount) {
        return counter.sell(clerk, amount, "swarm-password".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
    }

    private long holderEarnings() {
        return ledger.account(ledger.open(AccountType.HOLDER_PAYABLE, "holder:" + holder).id()).balance();
    }

    private static PieceSet pieces(int from, int to) {
        return PieceSet.of(10, IntStream.range(from, to).toArray());
    }

    @Test
    void aContentFromTwoDistributorsCostsExactlyItsUnitCostWhateverTheReportsDo() throws Exception {
        String receiver = sell(5_000);
        String a = sell(100);
        String c = sell(100);

        // A sends pieces 0–3, then its page closes; the same report arrives three times.
        for (int i = 0; i < 3; i++) {
            receptions.settle(terms, receiver, a, pieces(0, 4), pieces(0, 4));
        }
        assertEquals(5_000 - 480, media.balance(receiver));
        assertEquals(100 + 72, media.balance(a));

        // C sends the rest. Its report comes in before the receipt (nothing to settle yet),
        // then eight threads race the same receipt: one settles, the others find nothing left.
        assertFalse(receptions.settle(terms, receiver, c, PieceSet.none(10), pieces(4, 10)).settledAnything());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reception.Settlement>> racing = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            racing.add(executor.submit(() -> {
                start.await();
                return receptions.settle(terms, receiver, c, pieces(0, 10), pieces(4, 10));
            }));
        }
        start.countDown();
        long settledBy = 0;
        for (Future<Reception.Settlement> f : racing) {
            settledBy += f.get().settledAnything() ? 1 : 0;
        }
        assertEquals(1, settledBy, "one settlement, seven found nothing left");

        assertEquals(5_000 - 1_200, media.balance(receiver), "exactly the unit cost in all");
        assertEquals(100 + 108, media.balance(c));
        assertEquals(1_200 - 72 - 108 - 48 - 72, holderEarnings(), "the holder gets the rest: 900 yen");
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }

    @Test
    void aDistributorSendingAContentPieceByPieceEarnsItsWholeShareAndItsRecordsNameTheReceiver() {
        // 300 yen, 10 %, 7 pieces: every piece's share is a fraction of a yen (4.28…), none is lost.
        ReceptionTerms small = new ReceptionTerms(terms.contentId(), holder, 7L * PIECE, PIECE, 300, 10);
        String receiver = sell(1_000);
        String a = sell(100);
        long centerBefore = ledger.account(ledger.open(AccountType.CENTER_REVENUE, "center:receptions").id()).balance();
        for (int p = 0; p < 7; p++) {
            PieceSet one = PieceSet.of(7, p);
            receptions.settle(small, receiver, a, one, one);
        }
        assertEquals(1_000 - 300, media.balance(receiver));
        assertEquals(100 + 30, media.balance(a), "exactly 10 % of 300 yen");
        long center = ledger.account(ledger.open(AccountType.CENTER_REVENUE, "center:receptions").id()).balance() - centerBefore;
        assertEquals(30, center, "the center's fee, exactly");
        assertEquals(300 - 30 - 30, holderEarnings());

        // Every FIG. 12 record of the reception names the other side and says what it was to this side.
        var sent = ledger.accountingRecords(media.find(a).accountId(), 0, 100).items().stream()
                .filter(r -> r.reason() != TransactionKind.MEDIA_SALE).toList();
        assertEquals(7, sent.size());
        sent.forEach(r -> {
            assertEquals(TransactionKind.CONTENT_SENT, r.reason());
            assertEquals(receiver, r.partner());
        });
        assertEquals(30, sent.stream().mapToLong(r -> r.amount()).sum());
        var sentHistory = ledger.history(media.find(a).accountId(), 0, 100).items().stream()
                .filter(h -> h.event() != TransactionKind.MEDIA_SALE).toList();
        assertEquals(7, sentHistory.size());
        sentHistory.forEach(h -> {
            assertEquals(TransactionKind.CONTENT_SENT, h.event());
            assertEquals(receiver, h.partner());
            assertEquals(small.contentId(), h.contentId());
        });
        var paid = ledger.accountingRecords(media.find(receiver).accountId(), 0, 100).items().stream()
                .filter(r -> r.reason() != TransactionKind.MEDIA_SALE).toList();
        assertEquals(7, paid.size());
        paid.forEach(r -> {
            assertEquals(TransactionKind.RECEPTION, r.reason());
            assertEquals(a, r.partner());
        });
        ledger.history(media.find(receiver).accountId(), 0, 100).items().stream()
                .filter(h -> h.event() != TransactionKind.MEDIA_SALE)
                .forEach(h -> assertEquals(a, h.partner()));
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }

    @Test
    void twoReceptionsFromOneDistributorEarnItTwiceItsShare() {
        ReceptionTerms small = new ReceptionTerms(terms.contentId(), holder, 7L * PIECE, PIECE, 300, 10);
        String a = sell(100);
        for (int reception = 0; reception < 2; reception++) {
            String receiver = sell(1_000);
            for (int p = 0; p < 7; p += 2) {
                PieceSet two = PieceSet.of(7, IntStream.range(p, Math.min(7, p + 2)).toArray());
                receptions.settle(small, receiver, a, two, two);
            }
        }
        assertEquals(100 + 60, media.balance(a), "60 yen, not 46");
    }

    @Test
    void aPieceOnlyOneSideReportsIsNotChargedAndTheCenterTakesTheShareOfWhatItSentItself() {
        String receiver = sell(5_000);
        // The center sent 0–4 (origin); the receipt also names 5, which nobody sent.
        Reception.Settlement s = receptions.settle(terms, receiver, null, pieces(0, 6), pieces(0, 5));
        assertEquals(pieces(0, 5), s.pieces());
        assertEquals(PieceSet.of(10, 5), s.mismatches());
        assertEquals(600, s.charge().debit());
        assertEquals(5_000 - 600, media.balance(receiver));
        assertEquals(600 - 90 - 60, holderEarnings());
        assertTrue(ledger.invariants().hold());
    }

    @Test
    void aBalanceThatCannotPayIsRefusedAndNothingIsSettled() {
        String receiver = sell(300);
        String a = sell(100);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> receptions.settle(terms, receiver, a, pieces(0, 10), pieces(0, 10)));
        assertEquals("ledger.balance.insufficient", refused.messageKey());
        assertEquals(300, media.balance(receiver));
        assertEquals(100, media.balance(a));
        // Paid as far as the balance goes: 2 pieces (240 yen) settle, and nothing is lost of the refused try.
        assertEquals(240, receptions.settle(terms, receiver, a, pieces(0, 2), pieces(0, 2)).charge().debit());
        assertEquals(60, media.balance(receiver));
        assertTrue(ledger.invariants().hold());
    }

    @Test
    void aRevokedMediaNeitherPaysNorEarnsAndNoPostingSpendsIt() {
        String receiver = sell(5_000);
        String a = sell(100);
        receptions.settle(terms, receiver, a, pieces(0, 2), pieces(0, 2));
        assertEquals(5_000 - 240, media.balance(receiver));
        assertEquals(100 + 36, media.balance(a));

        // A revoked distributor's late report settles nothing: no charge for pieces nobody is paid for.
        media.revoke(a, "stolen");
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class,
                () -> receptions.settle(terms, receiver, a, pieces(0, 4), pieces(0, 4))).messageKey());
        assertEquals(5_000 - 240, media.balance(receiver));
        assertEquals(136, media.balance(a));
        // Those pieces stay unsettled: the honest source that brings them is paid for them, once.
        String c = sell(100);
        assertEquals(240, receptions.settle(terms, receiver, c, pieces(0, 4), pieces(2, 4)).charge().debit());
        assertEquals(100 + 36, media.balance(c));

        // A revoked receiver pays nothing more, its RAM part is not handed out, and no posting spends it.
        media.revoke(receiver, "lost");
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class,
                () -> receptions.settle(terms, receiver, c, pieces(0, 6), pieces(4, 6))).messageKey());
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, () -> media.currentRam(receiver)).messageKey());
        long center = ledger.open(AccountType.CENTER_REVENUE, "center:receptions").id();
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, () -> ledger.post("test:" + UUID.randomUUID(),
                TransactionKind.RECEPTION, "test", null, List.of(new Leg(media.find(receiver).accountId(), -10), new Leg(center, 10))))
                .messageKey());
        assertEquals(5_000 - 480, media.balance(receiver));
        assertEquals(100 + 36, media.balance(c));
        assertTrue(ledger.invariants().hold(), ledger.invariants().toString());
    }
}
