package org.cascade.swarm.domain;

import java.math.BigInteger;

/**
 * The fee rule of a reception (spec FIG. 11, charging data processing section 24): the receiver
 * pays in proportion to the bytes that arrived, and what it pays is shared between the
 * distributing terminal (the holder's redistribution share), the center (its fee) and the
 * contents holder (the rest, the royalty).
 *
 * <p>The receiver's debit is cumulative: after {@code B} of {@code size} bytes it has paid
 * {@code floor(unitCost × B / size)} in all, and a step pays the difference between two such
 * totals — so a complete reception costs exactly the unit cost however it was split between
 * distributors and interruptions. Each step's debit is then shared on its own: the distributor
 * {@code floor(debit × share / 100)}, the center {@code floor(debit × fee / 100)}, the holder the
 * rest (roundings go to the holder). The parts are never negative and always make the debit.
 */
public record TransferFees(long unitCost, long size, int distributorSharePercent, int centerFeePercent) {

    public TransferFees {
        if (unitCost < 0 || size <= 0) {
            throw new IllegalArgumentException("unit cost " + unitCost + ", size " + size);
        }
        if (distributorSharePercent < 0 || centerFeePercent < 0 || distributorSharePercent + centerFeePercent > 100) {
            throw new IllegalArgumentException("share " + distributorSharePercent + " %, fee " + centerFeePercent + " %");
        }
    }

    /** What one step of a reception costs and earns: the parts always add up to the debit. */
    public record Charge(long debit, long distributorReward, long centerFee, long holderRoyalty) {

        public Charge {
            if (debit < 0 || distributorReward < 0 || centerFee < 0 || holderRoyalty < 0
                    || distributorReward + centerFee + holderRoyalty != debit) {
                throw new IllegalStateException("parts " + distributorReward + " + " + centerFee + " + " + holderRoyalty
                        + " do not make " + debit);
            }
        }
    }

    /** The step from {@code before} to {@code after} bytes received and verified. */
    public Charge step(long before, long after) {
        if (before < 0 || after < before || after > size) {
            throw new IllegalArgumentException("bytes " + before + " → " + after + " of " + size);
        }
        long debit = paid(after) - paid(before);
        long reward = Math.multiplyExact(debit, distributorSharePercent) / 100;
        long fee = Math.multiplyExact(debit, centerFeePercent) / 100;
        return new Charge(debit, reward, fee, debit - reward - fee);
    }

    /** What the receiver has paid in all after {@code bytes} (exact: unit cost × size can pass a long). */
    long paid(long bytes) {
        return BigInteger.valueOf(unitCost).multiply(BigInteger.valueOf(bytes)).divide(BigInteger.valueOf(size)).longValueExact();
    }
}
