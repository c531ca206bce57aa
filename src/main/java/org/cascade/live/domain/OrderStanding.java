package org.cascade.live.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Where one order stands, as the application screen shows it (FIG. 18/19): its current price,
 * how many applied against its ability, the competition ratio, whether it is by lottery or
 * closes when full, and whether reception is still open.
 */
public record OrderStanding(DistributionOrder order, long currentPrice, long applications, boolean open) {

    public OrderStanding {
        Objects.requireNonNull(order, "order");
        if (applications < 0 || currentPrice < 1) {
            throw new IllegalArgumentException(applications + " applications at " + currentPrice + " yen");
        }
    }

    /** Applications per place, two decimals: 2.50 means five applicants for two places. */
    public BigDecimal competitionRatio() {
        return BigDecimal.valueOf(applications).divide(BigDecimal.valueOf(order.ability()), 2, RoundingMode.HALF_UP);
    }

    /** A lottery order where applications exceed ability: the screen shows the lottery and the ratio. */
    public boolean lotteryApplies() {
        return order.byLottery() && applications > order.ability();
    }

    public boolean full() {
        return applications >= order.ability();
    }

    /** A first-come order that reached its ability: reception for it has ended. */
    public boolean soldOut() {
        return !order.byLottery() && full();
    }

    public long room() {
        return Math.max(0, order.ability() - applications);
    }
}
