package org.cascade.mail.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a mail whose sending failed is tried again: the first retry after {@code first}, each
 * later one after twice the wait before (exponential backoff, so a server down for hours is not
 * hammered), never more than {@code longest}; after {@code attempts} attempts in all, none.
 */
public record Retry(Duration first, Duration longest, int attempts) {

    /** 1, 2, 4 ... minutes, at most an hour apart, ten attempts: about eight hours of trying. */
    public static final Retry STANDARD = new Retry(Duration.ofMinutes(1), Duration.ofHours(1), 10);

    public Retry {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException("retry after " + first + ", at most " + longest + ", " + attempts + " attempts");
        }
    }

    /**
     * The moment of the next attempt after {@code made} attempts failed, the last at {@code now};
     * empty once no attempt is left.
     */
    public Optional<Instant> after(int made, Instant now) {
        if (made < 1) {
            throw new IllegalArgumentException("no attempt was made");
        }
        if (made >= attempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < made && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(longest) > 0 ? longest : wait));
    }
}
