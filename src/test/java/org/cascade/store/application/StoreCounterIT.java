package org.cascade.store.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.cascade.ledger.application.Ledger;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.store.domain.CounterOperation;
import org.cascade.store.domain.DailyReport;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The counter's rules on a real Liberty and Derby: double submits, refusals that write nothing, voids, re-issues. */
@ExtendWith(ArquillianExtension.class)
class StoreCounterIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.cascade().addClass(StoreCounterIT.class);
    }

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
    long storeId;

    @BeforeEach
    void openStore() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        storeId = stores.open("Counter " + suffix, null).id();
        clerk = "c-" + suffix;
        stores.hireClerk(storeId, clerk, "Clerk " + suffix);
    }

    @Test
    void twinSaleRequestsSellOneMedia() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoreCounter.Done>> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(executor.submit(() -> {
                start.await();
                return counter.sell(clerk, 1500, "secret-pw".toCharArray(), key);
            }));
        }
        start.countDown();
        List<StoreCounter.Done> results = new ArrayList<>();
        for (Future<StoreCounter.Done> f : twins) {
            results.add(f.get());
        }
        assertEquals(1, results.stream().map(d -> d.receipt().id()).distinct().count(), "one receipt");
        assertEquals(1, results.stream().filter(d -> !d.replay()).count(), "one posting, the others replays");
        assertEquals(1, counter.recentReceipts(clerk).size());
        assertEquals(1500, media.balance(results.get(0).receipt().serial()));
        assertTrue(ledger.invariants().hold());
    }

    @Test
    void refusedInputWritesNothing() {
        String serial = counter.sell(clerk, 1000, "secret-pw".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
        int receipts = counter.recentReceipts(clerk).size();
        assertThrows(ConstraintViolationException.class, () -> counter.replenish(clerk, serial, 0, UUID.randomUUID().toString()));
        assertThrows(ConstraintViolationException.class, () -> counter.replenish(clerk, serial, -5, UUID.randomUUID().toString()));
        assertThrows(ConstraintViolationException.class,
                () -> counter.replenish(clerk, serial, StoreCounter.MAX_AMOUNT + 1, UUID.randomUUID().toString()));
        assertThrows(ConstraintViolationException.class, () -> counter.replenish(clerk, serial, 100, "bad key!"));
        assertThrows(ConstraintViolationException.class, () -> counter.sell(clerk, 100, "short".toCharArray(), UUID.randomUUID().toString()));
        RuleViolation unknown = assertThrows(RuleViolation.class,
                () -> counter.replenish(clerk, "CM-0000-0000", 100, UUID.randomUUID().toString()));
        assertEquals("media.unknown", unknown.messageKey());
        RuleViolation malformed = assertThrows(RuleViolation.class,
                () -> counter.replenish(clerk, "DROP TABLE", 100, UUID.randomUUID().toString()));
        assertEquals("media.serial.malformed", malformed.messageKey());
        assertEquals(receipts, counter.recentReceipts(clerk).size(), "no receipt was written");
        assertEquals(1000, media.balance(serial), "no money moved");
    }

    @Test
    void voidCompensatesOnceAndNotWhatWasSpent() {
        String serial = counter.sell(clerk, 1000, "secret-pw".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
        StoreCounter.Done topUp = counter.replenish(clerk, serial, 700, UUID.randomUUID().toString());
        StoreCounter.Done voided = counter.voidReplenishment(clerk, topUp.receipt().id());
        assertEquals(CounterOperation.VOID, voided.receipt().operation());
        assertEquals(1000, media.balance(serial));
        assertTrue(counter.voidReplenishment(clerk, topUp.receipt().id()).replay(), "a second void is the same void");
        assertEquals(1000, media.balance(serial));

        // Money carried onto another media can no longer be taken back from this one.
        StoreCounter.Done second = counter.replenish(clerk, serial, 500, UUID.randomUUID().toString());
        media.revoke(serial, "lost");
        StoreCounter.Done reissued = counter.reissue(clerk, serial, "new-secret".toCharArray(), UUID.randomUUID().toString());
        assertEquals(1500, media.balance(reissued.receipt().serial()));
        assertEquals(0, media.balance(serial));
        RuleViolation refused = assertThrows(RuleViolation.class, () -> counter.voidReplenishment(clerk, second.receipt().id()));
        assertEquals("ledger.balance.insufficient", refused.messageKey());

        DailyReport report = counter.dailyReport(clerk, storeId, counter.today());
        assertEquals(1000 + 700 - 700 + 500, report.cashTotal());
        assertTrue(report.reconciled(), "counter " + report.cashTotal() + " ledger " + report.ledgerCash());
    }

    @Test
    void revokedMediaCanOnlyBeReissuedOnce() {
        String serial = counter.sell(clerk, 800, "secret-pw".toCharArray(), UUID.randomUUID().toString()).receipt().serial();
        RuleViolation notRevoked = assertThrows(RuleViolation.class,
                () -> counter.reissue(clerk, serial, "new-secret".toCharArray(), UUID.randomUUID().toString()));
        assertEquals("media.reissue.notRevoked", notRevoked.messageKey());
        media.revoke(serial, "stolen");
        RuleViolation revoked = assertThrows(RuleViolation.class,
                () -> counter.replenish(clerk, serial, 100, UUID.randomUUID().toString()));
        assertEquals("store.media.revoked", revoked.messageKey());
        counter.reissue(clerk, serial, "new-secret".toCharArray(), UUID.randomUUID().toString());
        RuleViolation twice = assertThrows(RuleViolation.class,
                () -> counter.reissue(clerk, serial, "new-secret".toCharArray(), UUID.randomUUID().toString()));
        assertEquals("store.reissue.empty", twice.messageKey());
    }

    @Test
    void aClerkSeesOnlyTheirOwnStore() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long other = stores.open("Other " + suffix, null).id();
        assertThrows(org.cascade.platform.domain.Forbidden.class, () -> counter.dailyReport(clerk, other, counter.today()));
        long receipt = counter.sell(clerk, 100, "secret-pw".toCharArray(), UUID.randomUUID().toString()).receipt().id();
        String otherClerk = "o-" + suffix;
        stores.hireClerk(other, otherClerk, "Other clerk");
        assertThrows(org.cascade.platform.domain.NotFound.class, () -> counter.voidReplenishment(otherClerk, receipt));
        assertThrows(org.cascade.platform.domain.NotFound.class, () -> counter.receipt(otherClerk, receipt));
    }
}
