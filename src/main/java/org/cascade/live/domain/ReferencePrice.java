package org.cascade.live.domain;

import java.util.Objects;

/**
 * The reference price of an event's primary distribution, derived from its two ranks (FIG. 22).
 * The sponsor sets a base price, the price when demand and ability balance; each level of
 * pressure ({@link Rank#pressure}) moves it by a quarter of the base: {@code price = floor(base ×
 * (100 + 25 × pressure) / 100)}. With the spec's 200 yen base: demand high against ability low is
 * 300 yen, demand low against ability high is 100 yen, balanced ranks keep 200 yen.
 */
public record ReferencePrice(long basePrice, Rank demand, Rank ability, int percent, long price) {

    /** Percentage points per level of pressure. */
    public static final int PERCENT_PER_LEVEL = 25;

    public ReferencePrice {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(ability, "ability");
        if (basePrice <= 0) {
            throw new IllegalArgumentException("base price " + basePrice);
        }
        if (percent != percentFor(demand, ability) || price != Math.multiplyExact(basePrice, percent) / 100) {
            throw new IllegalArgumentException(percent + " % / " + price + " yen do not follow from the ranks");
        }
    }

    public static ReferencePrice of(long basePrice, Rank demand, Rank ability) {
        if (basePrice <= 0) {
            throw new IllegalArgumentException("base price " + basePrice);
        }
        int percent = percentFor(demand, ability);
        return new ReferencePrice(basePrice, demand, ability, percent, Math.multiplyExact(basePrice, percent) / 100);
    }

    static int percentFor(Rank demand, Rank ability) {
        return 100 + PERCENT_PER_LEVEL * Rank.pressure(demand, ability);
    }

    public int pressure() {
        return Rank.pressure(demand, ability);
    }
}
