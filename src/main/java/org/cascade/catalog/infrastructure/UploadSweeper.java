package org.cascade.catalog.infrastructure;

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
import org.cascade.catalog.application.Uploads;

/**
 * Removes expired uploads when the application starts (a center that was down for a day finds
 * them all expired) and every hour after, so that a center that runs for weeks does not
 * accumulate abandoned files.
 */
@ApplicationScoped
public class UploadSweeper {

    private static final Logger LOG = Logger.getLogger(UploadSweeper.class.getName());
    private static final long PERIOD_MINUTES = 60;

    @Inject
    Uploads uploads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        sweep();
        sweeps = scheduler.scheduleAtFixedRate(this::sweep, PERIOD_MINUTES, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    void sweep() {
        try {
            uploads.removeExpired();
        } catch (RuntimeException e) {
            // A failed sweep must neither stop the application from starting nor end the schedule.
            LOG.log(Level.WARNING, "removing expired uploads failed; trying again in " + PERIOD_MINUTES + " minutes", e);
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
