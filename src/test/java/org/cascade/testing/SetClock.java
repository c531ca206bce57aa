package org.cascade.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The center's clock, set ahead by tests: added to a test's own deployment only, it replaces the
 * system clock every use case reads, so rules that wait for a moment (checkpoints, a lottery's
 * closing, a day to settle) can be reached without waiting. Tests in the container call
 * {@link #ahead(Duration)} or {@link #set(Instant)};
 * browser tests post to {@code /testing/clock?ahead=PT5M} and read the center's now with a GET
 * ({@link Setting}). The clock keeps ticking from where it was put.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class SetClock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    @Produces
    @Alternative
    Clock clock() {
        return new Ahead(ZoneId.systemDefault());
    }

    /** Moves the center's clock further ahead; returns the new now. */
    public static Instant ahead(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("ahead moves forward; set() goes anywhere");
        }
        AHEAD.accumulateAndGet(by, Duration::plus);
        return now();
    }

    /** Puts the center's clock at {@code instant}, from where it goes on ticking. */
    public static void set(Instant instant) {
        AHEAD.set(Duration.between(Instant.now(), instant));
    }

    /** Back to the real time. */
    public static void reset() {
        AHEAD.set(Duration.ZERO);
    }

    public static Instant now() {
        return Instant.now().plus(AHEAD.get());
    }

    private static final class Ahead extends Clock {
        private final ZoneId zone;

        Ahead(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Ahead(other);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }

    /** Lets a browser test move the clock of the deployment it runs against. */
    @WebServlet("/testing/clock")
    public static class Setting extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write(now().toString());
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Instant now = ahead(Duration.parse(request.getParameter("ahead")));
            response.setContentType("text/plain");
            response.getWriter().write(now.toString());
        }
    }
}
