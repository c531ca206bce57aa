package org.cascade.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The center's clock for tests that need time to pass (a day to close): added to a deployment,
 * it replaces the system clock for every use case of that deployment only. It tells the real
 * time until a test sets it.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class SettableClock {

    public static final Settable CLOCK = new Settable();

    @Produces
    Clock clock() {
        return CLOCK;
    }

    public static final class Settable extends Clock {

        private volatile Instant now;

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            Instant set = now;
            return set == null ? Instant.now() : set;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the center has one time zone");
        }
    }
}
