package org.cascade.swarm.domain;

import java.math.BigInteger;

/**
 * The fee rule of a reception (spec FIG. 11, charging data processing section 24): the receiver
 * pays in proportion to the bytes that arrived, and what it pays is shared between the
 * distributing terminals (the holder's redistribution share), the center (its fee) and the
 * contents holder (the rest, the royalty).
 *
 * <p>Every part is cumulative, so that no piece loses a fraction of a yen however the content was
 * split between distributors, interruptions and racing reports. After {@code B} of {@code size}
 * bytes the receiver has paid {@code floor(unitCost × B / size)} in all and the center has taken
 * {@code floor(unitCost × B × fee / (100 × size))}; a distributor that delivered {@code D} of
 * those bytes has earned {@code floor(unitCost × D × share / (100 × size))}. A step pays the
 * difference between two such totals, so a complete reception costs exactly the unit cost and a
 * distributor that sent it whole earns exactly {@code floor(unitCost × share / 100)}.
 *
 * <p>The holder gets the rest of each step. Its total for a reception is never below zero (the
 * floors of the parts never add up to more than the floor of the whole), but one step's part may
 * be a yen or two below zero: when a share crosses a whole yen before the debit does, the
 * rounding the holder was given earlier comes back.
 */
public record TransferFees(long unitCost, long size, int distributorSharePercent, int centerFeePercent) {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

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
            if (debit < 0 || distributorReward < 0 || centerFee < 0
                    || distributorReward + centerFee + holderRoyalty != debit) {
                throw new IllegalStateException("parts " + distributorReward + " + " + centerFee + " + " + holderRoyalty
                        + " do not make " + debit);
            }
        }

        /** True when the step moves no money at all. */
        public boolean none() {
            return debit == 0 && distributorReward == 0 && centerFee == 0 && holderRoyalty == 0;
        }
    }

    /** The step from {@code before} to {@code after} bytes, all delivered by one distributor that delivered the bytes before too. */
    public Charge step(long before, long after) {
        return step(before, after, before);
    }

    /**
     * The step from {@code before} to {@code after} bytes received and verified, the new bytes
     * delivered by one distributor that had delivered {@code deliveredBefore} of the earlier ones.
     */
    public Charge step(long before, long after, long deliveredBefore) {
        if (before < 0 || after < before || after > size) {
            throw new IllegalArgumentException("bytes " + before + " → " + after + " of " + size);
        }
        if (deliveredBefore < 0 || deliveredBefore > before) {
            throw new IllegalArgumentException("delivered " + deliveredBefore + " of " + before);
        }
        long debit = paid(after) - paid(before);
        long reward = earned(deliveredBefore + after - before) - earned(deliveredBefore);
        long fee = centerFee(after) - centerFee(before);
        return new Charge(debit, reward, fee, debit - reward - fee);
    }

    /** What the receiver has paid in all after {@code bytes} (exact: unit cost × size can pass a long). */
    public long paid(long bytes) {
        return share(bytes, 100);
    }

    /** What a distributor has earned in all after delivering {@code bytes} of the reception. */
    public long earned(long bytes) {
        return share(bytes, distributorSharePercent);
    }

    /** What the center has taken in all after {@code bytes} of the reception. */
    public long centerFee(long bytes) {
        return share(bytes, centerFeePercent);
    }

    /** floor(unitCost × bytes × percent / (100 × size)), without overflow. */
    private long share(long bytes, int percent) {
        if (bytes < 0 || bytes > size) {
            throw new IllegalArgumentException("bytes " + bytes + " of " + size);
        }
        return BigInteger.valueOf(unitCost).multiply(BigInteger.valueOf(bytes)).multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(size).multiply(HUNDRED)).longValueExact();
    }
}
