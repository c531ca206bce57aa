package org.cascade.live.domain;

import java.time.Duration;
import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * The terms an event is sold and cascaded on: the primary price, how many terminals each
 * terminal relays to after opening (redistributors per terminal), and the delay between one
 * distribution order and the next (redistribution interval).
 *
 * <p>The terms follow the ranks (FIG. 22): from the sponsor's base terms, each level of pressure
 * ({@link Rank#pressure}, demand above ability) moves the price by a quarter of the base
 * ({@link ReferencePrice}), adds one redistributor per terminal and shortens the interval by a
 * quarter of the base interval; negative pressure does the opposite. So when demand outruns
 * ability, the price limits the applicants and the cascade widens and quickens; when ability
 * outruns demand, the price falls and the cascade relaxes; and when the ranks do not change, the
 * terms do not either. Redistributors stay within 1 … {@value #MAX_REDISTRIBUTORS}, the interval
 * never below {@link #MIN_INTERVAL}.
 */
public record LiveTerms(long price, int redistributorsPerTerminal, Duration redistributionInterval) {

    public static final int MAX_REDISTRIBUTORS = 10;
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);

    public LiveTerms {
        Objects.requireNonNull(redistributionInterval, "redistributionInterval");
        if (price <= 0) {
            throw new RuleViolation("live.terms.price");
        }
        if (redistributorsPerTerminal < 1 || redistributorsPerTerminal > MAX_REDISTRIBUTORS) {
            throw new RuleViolation("live.terms.redistributors", MAX_REDISTRIBUTORS);
        }
        if (redistributionInterval.compareTo(MIN_INTERVAL) < 0 || redistributionInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new RuleViolation("live.terms.interval", MIN_INTERVAL.toSeconds(), MAX_INTERVAL.toHours());
        }
    }

    /** The terms these base terms give under the ranks. */
    public LiveTerms underRanks(Rank demand, Rank ability) {
        int pressure = Rank.pressure(demand, ability);
        long revisedPrice = ReferencePrice.of(price, demand, ability).price();
        int redistributors = Math.max(1, Math.min(MAX_REDISTRIBUTORS, redistributorsPerTerminal + pressure));
        // Whole seconds, as the sponsor enters them and as the terms are kept: a fraction of a second
        // would show one delay on the sponsor's page and another once the terms were kept.
        Duration interval = Duration.ofSeconds(redistributionInterval.toSeconds()
                * (100 - ReferencePrice.PERCENT_PER_LEVEL * pressure) / 100);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            interval = MIN_INTERVAL;
        }
        if (interval.compareTo(MAX_INTERVAL) > 0) {
            interval = MAX_INTERVAL;
        }
        return new LiveTerms(revisedPrice, redistributors, interval);
    }
}
