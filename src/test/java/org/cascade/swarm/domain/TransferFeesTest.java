package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransferFeesTest {

    private static final long GIB4 = 4L << 30;

    @Test
    void aCompleteReceptionCostsExactlyTheUnitCostHoweverItIsSplit() {
        Random random = new Random(42);
        long[] costs = {0, 1, 7, 999, 1_200, 9_999_999};
        long[] sizes = {1, 3, 262_144, 8_388_608 + 17, GIB4};
        for (long cost : costs) {
            for (long size : sizes) {
                TransferFees fees = new TransferFees(cost, size, 15, 10);
                for (int round = 0; round < 200; round++) {
                    long done = 0;
                    long debit = 0;
                    long parts = 0;
                    while (done < size) {
                        long next = Math.min(size, done + 1 + (long) (random.nextDouble() * size / 3));
                        TransferFees.Charge c = fees.step(done, next);
                        debit += c.debit();
                        parts += c.distributorReward() + c.centerFee() + c.holderRoyalty();
                        done = next;
                    }
                    assertEquals(cost, debit, cost + " yen, " + size + " bytes, round " + round);
                    assertEquals(debit, parts);
                }
            }
        }
    }

    @Test
    void piecesFromTwoDistributorsAfterAnInterruption() {
        // 1,200 yen, 10 pieces of 256 KiB: A sends 4 pieces, drops out; C sends the other 6.
        PieceLayout layout = new PieceLayout(10L * 262_144, 262_144);
        TransferFees fees = new TransferFees(1_200, layout.size(), 15, 10);
        TransferFees.Charge fromA = fees.step(0, 4 * 262_144L);
        TransferFees.Charge fromC = fees.step(4 * 262_144L, layout.size(), 0);
        assertEquals(480, fromA.debit());
        assertEquals(720, fromC.debit());
        assertEquals(72, fromA.distributorReward());
        assertEquals(108, fromC.distributorReward());
        assertEquals(1_200, fromA.debit() + fromC.debit());
        assertEquals(1_200, fromA.distributorReward() + fromA.centerFee() + fromA.holderRoyalty()
                + fromC.distributorReward() + fromC.centerFee() + fromC.holderRoyalty());
    }

    @Test
    void aDistributorThatSendsAContentWholeEarnsItsWholeShareHoweverThePiecesCame() {
        // 300 yen, 10 %: each piece's share is a fraction of a yen, and none of it is lost.
        long size = 5L * 262_144 + 1_000;
        TransferFees fees = new TransferFees(300, size, 10, 10);
        long reward = 0;
        long fee = 0;
        for (long b = 0; b < size; b += 262_144) {
            TransferFees.Charge c = fees.step(b, Math.min(size, b + 262_144));
            reward += c.distributorReward();
            fee += c.centerFee();
        }
        assertEquals(30, reward);
        assertEquals(30, fee);
        // Two receptions of it, by one distributor: 60, not 46.
        assertEquals(60, 2 * reward);
    }

    /**
     * Any partition of a content into pieces, settled in any order by one to four distributors:
     * after every step each distributor has earned floor(unit cost × its bytes × share / (100 ×
     * size)), the center floor(unit cost × bytes × fee / (100 × size)), the receiver has paid
     * floor(unit cost × bytes / size), every step's parts make its debit, the holder's total is
     * never below zero, and the whole costs exactly the unit cost.
     */
    @Test
    void everyDistributorEarnsItsShareOfItsOwnBytesToTheYenAfterEveryStep() {
        Random random = new Random(20_261_123);
        long[] costs = {1, 7, 99, 300, 1_000, 1_201, 9_999_999};
        long[] sizes = {1, 5, 1_000, 262_144 * 3 + 11, 8_388_608 + 17, GIB4};
        int[][] terms = {{10, 10}, {15, 10}, {33, 10}, {90, 10}, {0, 10}, {100, 0}, {37, 41}};
        for (int trial = 0; trial < 3_000; trial++) {
            long cost = costs[random.nextInt(costs.length)];
            long size = sizes[random.nextInt(sizes.length)];
            int[] t = terms[random.nextInt(terms.length)];
            TransferFees fees = new TransferFees(cost, size, t[0], t[1]);
            int distributors = 1 + random.nextInt(4);
            long[] delivered = new long[distributors];
            long[] earned = new long[distributors];
            long done = 0;
            long paid = 0;
            long centerFee = 0;
            long royalty = 0;
            String where = cost + " yen, " + size + " bytes, " + t[0] + " % / " + t[1] + " %, trial " + trial;
            while (done < size) {
                long piece = 1 + (long) (random.nextDouble() * Math.max(1, size / (1 + random.nextInt(12))));
                long next = Math.min(size, done + piece);
                int d = random.nextInt(distributors);
                TransferFees.Charge c = fees.step(done, next, delivered[d]);
                assertEquals(c.debit(), c.distributorReward() + c.centerFee() + c.holderRoyalty(), where);
                delivered[d] += next - done;
                earned[d] += c.distributorReward();
                paid += c.debit();
                centerFee += c.centerFee();
                royalty += c.holderRoyalty();
                done = next;
                for (int i = 0; i < distributors; i++) {
                    assertEquals(exact(cost, delivered[i], t[0], size), earned[i], where + ", distributor " + i);
                }
                assertEquals(exact(cost, done, t[1], size), centerFee, where);
                assertEquals(exact(cost, done, 100, size), paid, where);
                assertTrue(royalty >= 0, where + ": the holder's total " + royalty);
            }
            assertEquals(cost, paid, where);
            assertEquals(cost, Arrays.stream(earned).sum() + centerFee + royalty, where);
        }
    }

    /** floor(cost × bytes × percent / (100 × size)), worked out apart from the rule under test. */
    private static long exact(long cost, long bytes, int percent, long size) {
        return BigInteger.valueOf(cost).multiply(BigInteger.valueOf(bytes)).multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(size).multiply(BigInteger.valueOf(100))).longValueExact();
    }

    @Test
    void partsAreNeverNegativeAndRoundingsGoToTheHolder() {
        TransferFees fees = new TransferFees(7, 7, 50, 50);
        long reward = 0;
        long fee = 0;
        long royalty = 0;
        for (long b = 0; b < 7; b++) {
            TransferFees.Charge c = fees.step(b, b + 1);
            assertEquals(1, c.debit());
            assertTrue(c.distributorReward() >= 0 && c.centerFee() >= 0);
            reward += c.distributorReward();
            fee += c.centerFee();
            royalty += c.holderRoyalty();
        }
        assertEquals(3, reward);
        assertEquals(3, fee);
        assertEquals(1, royalty);
        TransferFees.Charge whole = fees.step(0, 7);
        assertEquals(3, whole.distributorReward());
        assertEquals(3, whole.centerFee());
        assertEquals(1, whole.holderRoyalty());
        TransferFees none = new TransferFees(1_000, 100, 0, 0);
        assertEquals(1_000, none.step(0, 100).holderRoyalty());
        TransferFees all = new TransferFees(1_000, 100, 100, 0);
        assertEquals(1_000, all.step(0, 100).distributorReward());
    }

    @Test
    void fourGibibytesAtTenMillionYenDoNotOverflow() {
        TransferFees fees = new TransferFees(10_000_000, GIB4, 30, 10);
        assertEquals(5_000_000, fees.step(0, GIB4 / 2).debit());
        assertEquals(2_328, fees.step(0, 1_000_000).debit());
    }

    @Test
    void impossibleStepsAndTermsAreRefused() {
        TransferFees fees = new TransferFees(100, 1_000, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> fees.step(500, 400));
        assertThrows(IllegalArgumentException.class, () -> fees.step(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> fees.step(0, 1_001));
        assertThrows(IllegalArgumentException.class, () -> fees.step(100, 200, 101));
        assertThrows(IllegalArgumentException.class, () -> new TransferFees(100, 1_000, 60, 41));
        assertThrows(IllegalArgumentException.class, () -> new TransferFees(-1, 1_000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransferFees(1, 0, 0, 0));
        assertTrue(fees.step(10, 10).debit() == 0);
    }

    @Test
    void layoutCutsTheLastPieceShort() {
        PieceLayout layout = new PieceLayout(600_000, 262_144);
        assertEquals(3, layout.pieceCount());
        assertEquals(262_144, layout.bytesOf(0));
        assertEquals(600_000 - 2 * 262_144, layout.bytesOf(2));
        assertThrows(IllegalArgumentException.class, () -> layout.bytesOf(3));
        assertEquals(1, new PieceLayout(1, 262_144).pieceCount());
    }
}
