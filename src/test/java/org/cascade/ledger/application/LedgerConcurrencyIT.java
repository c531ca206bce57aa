package org.cascade.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.LedgerTransaction;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 8 threads × 500 postings on a few shared accounts, inside a real Liberty on Derby: store
 * replenishments, debits that move prepaid money to another media, reversals racing each other,
 * and deliberate repeats of keys another thread already used. Afterwards the ledger's invariants
 * hold and every key posted exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerConcurrencyIT {

    static final int THREADS = 8;
    static final int POSTINGS_PER_THREAD = 500;

    @Deployment
    static WebArchive deployment() {
        return Deployments.cascade().addClass(LedgerConcurrencyIT.class);
    }

    @Inject
    Ledger ledger;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void concurrentPostingsKeepTheLedgerSound() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> prepaid = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            prepaid.add(ledger.open(AccountType.PREPAID, "media:it-" + run + "-" + i).id());
        }
        List<Long> drawers = List.of(ledger.open(AccountType.STORE_CASH, "store:it-" + run + "-a").id(),
                ledger.open(AccountType.STORE_CASH, "store:it-" + run + "-b").id());

        Map<String, Long> postedKeys = new ConcurrentHashMap<>();
        List<Long> replenishments = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();

        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(executor.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
                    long media = prepaid.get(random.nextInt(prepaid.size()));
                    long drawer = drawers.get(random.nextInt(drawers.size()));
                    int choice = postedKeys.isEmpty() ? 0 : random.nextInt(10);
                    try {
                        Posted posted;
                        String key = "it:" + run + ":" + thread + ":" + i;
                        if (choice < 5 || replenishments.isEmpty()) {
                            long amount = 1 + random.nextInt(500);
                            posted = ledger.post(key, TransactionKind.REPLENISHMENT, "store:it", null,
                                    List.of(new Leg(media, amount), new Leg(drawer, -amount)));
                        } else if (choice < 8) {
                            long other = prepaid.get(random.nextInt(prepaid.size()));
                            if (other == media) {
                                continue;
                            }
                            long amount = 1 + random.nextInt(800);
                            posted = ledger.post(key, TransactionKind.MEDIA_REISSUE, "media:it", null,
                                    List.of(new Leg(media, -amount), new Leg(other, amount)));
                        } else if (choice < 9) {
                            long target = replenishments.get(random.nextInt(replenishments.size()));
                            posted = ledger.reverse("void:" + run + ":" + target, target, TransactionKind.REPLENISHMENT_VOID, "store:it");
                        } else {
                            List<String> used = new ArrayList<>(postedKeys.keySet());
                            String repeated = used.get(random.nextInt(used.size()));
                            posted = ledger.post(repeated, TransactionKind.REPLENISHMENT, "store:it", null,
                                    List.of(new Leg(media, 7), new Leg(drawer, -7)));
                            if (!posted.replay()) {
                                throw new AssertionError("a repeated key posted twice: " + repeated);
                            }
                        }
                        if (posted.replay()) {
                            replays.incrementAndGet();
                        }
                        Long earlier = postedKeys.putIfAbsent(posted.transaction().idempotencyKey(), posted.transaction().id());
                        if (earlier != null && !earlier.equals(posted.transaction().id())) {
                            throw new AssertionError("key " + posted.transaction().idempotencyKey() + " names two transactions");
                        }
                        if (posted.transaction().kind() == TransactionKind.REPLENISHMENT && !posted.replay()) {
                            replenishments.add(posted.transaction().id());
                        }
                    } catch (RuleViolation refused) {
                        refusals.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }

        Ledger.Invariants invariants = ledger.invariants();
        assertEquals(0, invariants.sumOfAllBalances(), "the sum over all accounts");
        assertEquals(0, invariants.negativePrepaidAccounts(), "prepaid accounts below zero");
        assertEquals(0, invariants.unbalancedTransactions(), "transactions whose entries do not sum to zero");
        assertEquals(0, invariants.driftedAccounts(), "accounts whose balance is not the sum of their entries");
        assertEquals(0, invariants.duplicateIdempotencyKeys(), "keys posted more than once");
        Set<String> keys = postedKeys.keySet();
        assertTrue(keys.size() > THREADS * POSTINGS_PER_THREAD / 2, "most postings went through: " + keys.size());
        assertTrue(replays.get() > 0, "some requests were replays of a key");
        for (String key : keys) {
            LedgerTransaction t = ledger.transactionByKey(key).orElseThrow();
            assertEquals(postedKeys.get(key), t.id(), "key " + key);
        }
    }
}
