package org.cascade.settlement.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.settlement.application.Settlements;

/**
 * The daily settlement: every day at the hour server.xml's {@code cascade.settlement.hour} names
 * (the center's time zone), settles every closed day not settled yet. Nothing is kept about the
 * schedule itself: a server that was down at the hour settles the days it missed at the next
 * tick, and a tick that finds them settled changes nothing.
 */
@ApplicationScoped
public class SettlementSchedule {

    private static final Logger LOG = Logger.getLogger(SettlementSchedule.class.getName());

    /** Liberty binds a number-like entry as an Integer. */
    @Resource(lookup = "cascade/settlementHour")
    Object settlementHour;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settlements settlements;

    @Inject
    java.time.Clock clock;

    private ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        int hour = hour(settlementHour);
        ticks = scheduler.schedule(this::tick, new Daily(hour, clock.getZone()));
        LOG.info(() -> "settlement runs daily at " + hour + ":00");
    }

    void tick() {
        try {
            var made = settlements.settleClosedPeriods();
            LOG.info(() -> "settlement: " + made.size() + " period(s) settled");
        } catch (RuntimeException e) {
            // Nothing was posted (the run is one transaction); the next tick tries again.
            LOG.log(Level.SEVERE, "settlement run failed", e);
        }
    }

    static int hour(Object configured) {
        try {
            int h = Integer.parseInt(String.valueOf(configured).strip());
            if (h >= 0 && h < 24) {
                return h;
            }
        } catch (RuntimeException e) {
            // falls through to the refusal below
        }
        throw new IllegalStateException("cascade.settlement.hour must be 0..23, not " + configured);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** Fires every day at {@code hour}:00 in {@code zone}. */
    record Daily(int hour, ZoneId zone) implements Trigger {

        @Override
        public Date getNextRunTime(LastExecution last, Date scheduled) {
            ZonedDateTime now = ZonedDateTime.now(zone);
            ZonedDateTime next = now.toLocalDate().atTime(hour, 0).atZone(zone);
            if (!next.isAfter(now)) {
                next = next.plusDays(1);
            }
            return Date.from(next.toInstant());
        }

        @Override
        public boolean skipRun(LastExecution last, Date scheduled) {
            return false;
        }
    }
}
