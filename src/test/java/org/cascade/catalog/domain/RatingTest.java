package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class RatingTest {

    private static final Instant NOW = Instant.parse("2025-04-01T12:00:00Z");

    private static Rating rating() {
        return new Rating("C0000000000000A1", "SERIAL0001", NOW);
    }

    @Test
    void firstRatingReturnsZeroAsPrevious() {
        Rating r = rating();

        assertEquals(0, r.give(4, NOW));
        assertEquals(4, r.stars());
    }

    @Test
    void changedRatingReturnsThePreviousStars() {
        Rating r = rating();
        r.give(4, NOW);

        assertEquals(4, r.give(2, NOW.plusSeconds(60)));
        assertEquals(2, r.give(5, NOW.plusSeconds(120)));
        assertEquals(5, r.stars());
    }

    @Test
    void oneToFiveStarsAreAccepted() {
        for (int stars = 1; stars <= 5; stars++) {
            Rating r = rating();
            r.give(stars, NOW);
            assertEquals(stars, r.stars());
        }
    }

    @Test
    void zeroOrSixStarsAreRefusedAndLeaveTheRatingAsItWas() {
        Rating r = rating();
        r.give(3, NOW);

        assertEquals("rating.range", assertThrows(RuleViolation.class, () -> r.give(0, NOW)).messageKey());
        assertEquals("rating.range", assertThrows(RuleViolation.class, () -> r.give(6, NOW)).messageKey());
        assertEquals(3, r.stars());
    }
}
