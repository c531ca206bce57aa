package org.cascade.swarm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        TransferFees.Charge fromC = fees.step(4 * 262_144L, layout.size());
        assertEquals(480, fromA.debit());
        assertEquals(720, fromC.debit());
        assertEquals(72, fromA.distributorReward());
        assertEquals(108, fromC.distributorReward());
        assertEquals(1_200, fromA.debit() + fromC.debit());
        assertEquals(1_200, fromA.distributorReward() + fromA.centerFee() + fromA.holderRoyalty()
                + fromC.distributorReward() + fromC.centerFee() + fromC.holderRoyalty());
    }

    @Test
    void partsAreNeverNegativeAndRoundingsGoToTheHolder() {
        TransferFees fees = new TransferFees(7, 7, 50, 50);
        for (long b = 0; b < 7; b++) {
            TransferFees.Charge c = fees.step(b, b + 1);
            assertEquals(1, c.debit());
            assertEquals(0, c.distributorReward());
            assertEquals(0, c.centerFee());
            assertEquals(1, c.holderRoyalty());
        }
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
