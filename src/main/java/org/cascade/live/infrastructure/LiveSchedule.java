package org.cascade.live.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.live.application.LiveApplications;

/**
 * The live events' schedule: every few seconds (cascade/liveTickSeconds) each event taking
 * applications is advanced — checkpoints due applied, lotteries whose reception closed drawn,
 * destinations given and charges posted. Nothing is kept in memory: what is due is read from the
 * database and the clock on every tick, so the schedule survives restarts (a checkpoint that fell
 * while the center was down is applied at the first tick after) and follows a clock tests set.
 */
@ApplicationScoped
public class LiveSchedule {

    private static final Logger LOG = Logger.getLogger(LiveSchedule.class.getName());

    @Inject
    LiveApplications live;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Liberty binds a number-like entry as an Integer. */
    @Resource(lookup = "cascade/liveTickSeconds")
    Object tickSeconds;

    private ScheduledFuture<?> ticks;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long seconds;
        try {
            seconds = Math.max(1, Long.parseLong(tickSeconds == null ? "30" : tickSeconds.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cascade.live.tick.seconds must be a whole number, not " + tickSeconds);
        }
        ticks = scheduler.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            for (String id : live.scheduled()) {
                try {
                    live.advance(id);
                } catch (RuntimeException e) {
                    // one event's failure must not hold back the others, nor end the schedule
                    LOG.log(Level.WARNING, "advancing live event " + id + " failed; trying again at the next tick", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the live schedule's tick failed; trying again at the next one", e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }
}
