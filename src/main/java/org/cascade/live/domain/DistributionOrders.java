package org.cascade.live.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The distribution orders of an event and the rule that makes them (FIG. 18, FIG. 27).
 *
 * <ul>
 * <li>Price: order n costs {@code floor(price × 4ⁿ⁻¹ / 5ⁿ⁻¹)}, at least 1 yen — each later order
 * 20 % cheaper than the one before, since it is watched later (200, 160, 128, 102 … yen).</li>
 * <li>Ability: the primary takes what the center's server and link can send to
 * ({@link EventConfiguration.DistributionInformation#primaryAbility()}); each later order takes
 * the previous order's terminals × redistributors per terminal.</li>
 * <li>Delay: {@code (n − 1) × redistribution interval}.</li>
 * <li>Reception: when demand is above ability ({@link Rank#pressure} = p &gt; 0) the first p
 * orders — the undelayed, most wanted ones, where applications are expected to exceed ability —
 * are by lottery; the others close when full.</li>
 * </ul>
 */
public record DistributionOrders(List<DistributionOrder> orders) {

    public DistributionOrders {
        orders = List.copyOf(orders);
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("no orders");
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).number() != i + 1) {
                throw new IllegalArgumentException("orders must be numbered 1, 2, … in turn");
            }
        }
    }

    /** Plans {@code count} orders from the terms in force, the primary ability and the ranks. */
    public static DistributionOrders plan(LiveTerms terms, long primaryAbility, int count, Rank demand, Rank ability) {
        if (primaryAbility < 1 || count < 1 || count > EventConfiguration.DistributionInformation.MAX_ORDERS) {
            throw new IllegalArgumentException("primary ability " + primaryAbility + ", " + count + " orders");
        }
        int lotteryOrders = Math.max(0, Rank.pressure(demand, ability));
        List<DistributionOrder> orders = new ArrayList<>();
        long terminals = primaryAbility;
        for (int n = 1; n <= count; n++) {
            if (n > 1) {
                terminals = Math.multiplyExact(terminals, terms.redistributorsPerTerminal());
            }
            orders.add(new DistributionOrder(n, priceOf(terms.price(), n), terminals,
                    terms.redistributionInterval().multipliedBy(n - 1L),
                    n <= lotteryOrders ? DistributionOrder.ReceptionRule.LOTTERY
                            : DistributionOrder.ReceptionRule.CLOSES_WHEN_FULL));
        }
        return new DistributionOrders(orders);
    }

    /** The price of order {@code n} when the primary costs {@code primaryPrice}. */
    public static long priceOf(long primaryPrice, int n) {
        BigInteger four = BigInteger.valueOf(4).pow(n - 1);
        BigInteger five = BigInteger.valueOf(5).pow(n - 1);
        return Math.max(1, BigInteger.valueOf(primaryPrice).multiply(four).divide(five).longValueExact());
    }

    public Optional<DistributionOrder> order(int number) {
        return number >= 1 && number <= orders.size() ? Optional.of(orders.get(number - 1)) : Optional.empty();
    }

    public int count() {
        return orders.size();
    }

    public long totalAbility() {
        return orders.stream().mapToLong(DistributionOrder::ability).reduce(0, Math::addExact);
    }
}
