package org.cascade.mail.infrastructure;

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
import org.cascade.mail.application.MailSending;
import org.cascade.mail.application.Mails;
import org.cascade.mail.domain.OutgoingMail;

/**
 * Sends the outbox's due mails every few seconds (cascade/mailTickSeconds), one pass at a time.
 * Each mail is sent outside any transaction, then marked sent (or given its next attempt) in a
 * transaction of its own. Nothing is kept in memory: a restart picks up what is due. With mails
 * off it never starts.
 */
@ApplicationScoped
public class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

    @Inject
    Mails mails;

    @Inject
    MailSending sending;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "cascade/mailTickSeconds")
    Object tickSeconds;

    private ScheduledFuture<?> ticks;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!mails.on()) {
            LOG.info("mails are off: no SMTP host is set (cascade.smtp.host)");
            return;
        }
        long seconds;
        try {
            seconds = Math.max(1, Long.parseLong(tickSeconds == null ? "10" : tickSeconds.toString().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cascade.mail.tick.seconds must be a whole number, not " + tickSeconds);
        }
        ticks = scheduler.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            for (OutgoingMail due : mails.due()) {
                try {
                    sending.send(due);
                    mails.delivered(due.idempotencyKey());
                } catch (MailSending.Refused refused) {
                    mails.attemptFailed(due.idempotencyKey(), refused.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the mail worker's pass failed; trying again at the next one", e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }
}
