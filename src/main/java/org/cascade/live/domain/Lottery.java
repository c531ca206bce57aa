package org.cascade.live.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cascade.platform.domain.RuleViolation;

/**
 * The lottery of one distribution order: committed to a seed when reception opens, drawn once
 * when it closes (see {@link LotteryResult} for the draw). Once drawn it refuses another draw, so
 * a center cannot draw again until it likes the result.
 */
public final class Lottery {

    private final int order;
    private final long ability;
    private final int requiredRedistributors;
    private final String commitment;
    private LotteryResult result;

    /** A lottery committed to a seed's {@link LotterySeed#commitment()}, not drawn yet. */
    public Lottery(int order, long ability, int requiredRedistributors, String commitment) {
        if (order < 1 || ability < 1 || requiredRedistributors < 0) {
            throw new IllegalArgumentException("order " + order + ", ability " + ability);
        }
        if (commitment == null || !commitment.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a commitment is 64 lowercase hex digits: " + commitment);
        }
        this.order = order;
        this.ability = ability;
        this.requiredRedistributors = requiredRedistributors;
        this.commitment = commitment;
    }

    /** A lottery already drawn (reloaded from its published result). */
    public static Lottery drawn(LotteryResult result) {
        Lottery lottery = new Lottery(result.order(), result.ability(), result.requiredRedistributors(), result.commitment());
        if (!result.verify()) {
            throw new IllegalArgumentException("the result of order " + result.order() + " does not verify");
        }
        lottery.result = result;
        return lottery;
    }

    /** Draws with the committed seed over the entries; refused when drawn already or the seed is not the committed one. */
    public LotteryResult draw(LotterySeed seed, List<LotteryEntry> entries) {
        Objects.requireNonNull(seed, "seed");
        if (result != null) {
            throw new RuleViolation("live.lottery.drawn", order);
        }
        if (!seed.commitment().equals(commitment)) {
            throw new IllegalArgumentException("the seed is not the one committed to for order " + order);
        }
        result = LotteryResult.draw(order, ability, requiredRedistributors, seed, entries);
        return result;
    }

    public int order() {
        return order;
    }

    public String commitment() {
        return commitment;
    }

    public Optional<LotteryResult> result() {
        return Optional.ofNullable(result);
    }
}
