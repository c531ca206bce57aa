package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.cascade.ledger.domain.CenterFee;
import org.junit.jupiter.api.Test;

/**
 * A reception settled piece by piece from several distributors, in any order, with reports that
 * repeat and race: each distributor is paid its share of its own bytes to the yen, the center
 * its fee, and the whole costs the unit cost; completing it is told once, with whether a
 * terminal took part.
 */
class ReceptionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void oneTerminalSendingAThreeHundredYenContentEarnsThirtyYen() {
        ReceptionTerms terms = new ReceptionTerms("CT-1", "h", 7L * 262_144 + 5, 262_144, 300, 10);
        for (int reception = 0; reception < 2; reception++) {
            Reception r = new Reception("r" + reception, "CM-R" + reception, terms, NOW);
            long earned = 0;
            long fee = 0;
            for (int p = 0; p < terms.layout().pieceCount(); p++) {
                PieceSet one = PieceSet.of(terms.layout().pieceCount(), p);
                Reception.Settlement s = r.settle(one, one, terms, "CM-A");
                earned += s.charge().distributorReward();
                fee += s.charge().centerFee();
            }
            assertEquals(30, earned, "10 % of 300 yen");
            assertEquals(30, fee);
            assertEquals(300, r.paid(terms));
        }
    }

    @Test
    void eachDistributorEarnsItsShareOfItsOwnBytesAfterEverySettlement() {
        Random random = new Random(7_001);
        long[] costs = {1, 99, 300, 1_000, 1_201, 77_777};
        int[] shares = {0, 10, 15, 33, 90};
        for (int trial = 0; trial < 2_000; trial++) {
            int pieceSize = 1 + random.nextInt(262_144);
            int pieces = 1 + random.nextInt(40);
            long size = (long) (pieces - 1) * pieceSize + 1 + random.nextInt(pieceSize);
            int share = shares[random.nextInt(shares.length)];
            long cost = costs[random.nextInt(costs.length)];
            ReceptionTerms terms = new ReceptionTerms("CT-" + trial, "h", size, pieceSize, cost, share);
            int count = terms.layout().pieceCount();
            String where = cost + " yen, " + count + " pieces of " + size + " bytes, " + share + " %, trial " + trial;
            List<String> distributors = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int d = 0; d < n; d++) {
                distributors.add(random.nextInt(5) == 0 ? null : "CM-D" + d);
            }
            List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
            Collections.shuffle(order, random);
            Reception r = new Reception("r", "CM-R", terms, NOW);
            Map<String, Long> bytesBy = new HashMap<>();
            Map<String, Long> earnedBy = new HashMap<>();
            long bytes = 0;
            long paid = 0;
            long fee = 0;
            long royalty = 0;
            int completions = 0;
            int i = 0;
            while (i < order.size()) {
                int batch = Math.min(order.size() - i, 1 + random.nextInt(4));
                int[] chosen = order.subList(i, i + batch).stream().mapToInt(Integer::intValue).toArray();
                // Sometimes a batch also names pieces already settled (a repeated or raced report).
                PieceSet reported = PieceSet.of(count, chosen).union(random.nextBoolean() ? r.settled() : PieceSet.none(count));
                String by = distributors.get(random.nextInt(n));
                Reception.Settlement s = r.settle(reported, reported, terms, by);
                assertEquals(PieceSet.of(count, chosen), s.pieces(), where);
                long delivered = PieceSet.of(count, chosen).stream().mapToLong(terms.layout()::bytesOf).sum();
                String key = by == null ? Reception.ORIGIN : by;
                bytesBy.merge(key, delivered, Long::sum);
                earnedBy.merge(key, s.charge().distributorReward(), Long::sum);
                bytes += delivered;
                paid += s.charge().debit();
                fee += s.charge().centerFee();
                royalty += s.charge().holderRoyalty();
                completions += s.completed() ? 1 : 0;
                for (Map.Entry<String, Long> e : bytesBy.entrySet()) {
                    assertEquals(exact(cost, e.getValue(), share, size), earnedBy.get(e.getKey()), where + ", " + e.getKey());
                    assertEquals(e.getValue(), r.deliveredBy(Reception.ORIGIN.equals(e.getKey()) ? null : e.getKey()), where);
                }
                assertEquals(exact(cost, bytes, CenterFee.PERCENT, size), fee, where);
                assertEquals(exact(cost, bytes, 100, size), paid, where);
                assertTrue(royalty >= 0, where);
                // A repeat of the same report settles nothing and moves nothing.
                Reception.Settlement again = r.settle(reported, reported, terms, by);
                assertFalse(again.settledAnything(), where);
                assertTrue(again.charge().none(), where);
                assertFalse(again.completed(), where);
                i += batch;
            }
            assertEquals(cost, paid, where);
            assertEquals(cost, earnedBy.values().stream().mapToLong(Long::longValue).sum() + fee + royalty, where);
            assertEquals(1, completions, where);
            assertTrue(r.complete());
            assertEquals(bytesBy.keySet().stream().anyMatch(k -> !Reception.ORIGIN.equals(k)), r.redistributed(), where);
        }
    }

    @Test
    void aReceptionFromTheOriginAloneIsNotARedistribution() {
        ReceptionTerms terms = new ReceptionTerms("CT-1", "h", 4L * 1_000, 1_000, 400, 10);
        Reception r = new Reception("r", "CM-R", terms, NOW);
        Reception.Settlement half = r.settle(PieceSet.of(4, 0, 1), PieceSet.of(4, 0, 1), terms, null);
        assertFalse(half.completed());
        Reception.Settlement rest = r.settle(PieceSet.all(4), PieceSet.all(4), terms, null);
        assertTrue(rest.completed());
        assertFalse(rest.redistributed());
        Reception other = new Reception("o", "CM-S", terms, NOW);
        other.settle(PieceSet.of(4, 0), PieceSet.of(4, 0), terms, "CM-A");
        assertTrue(other.settle(PieceSet.all(4), PieceSet.all(4), terms, null).redistributed());
    }

    private static long exact(long cost, long bytes, int percent, long size) {
        return BigInteger.valueOf(cost).multiply(BigInteger.valueOf(bytes)).multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(size).multiply(BigInteger.valueOf(100))).longValueExact();
    }
}
