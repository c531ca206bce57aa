package org.cascade.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.mail.domain.MailAddress;
import org.cascade.mail.domain.MailContent;
import org.cascade.mail.domain.MailPreference;
import org.cascade.mail.domain.Outbox;
import org.cascade.mail.domain.OutgoingMail;
import org.cascade.mail.domain.Retry;

/**
 * The outbox's use cases. {@link #enqueue} joins the caller's transaction: the mail is kept
 * exactly when what caused it commits. With mails off (no SMTP host) nothing is recorded: a mail
 * kept while off would go out, stale, the day mails are turned on.
 */
@ApplicationScoped
@Transactional
public class Mails {

    private static final Logger LOG = Logger.getLogger(Mails.class.getName());

    /** At most this many mails per pass of the worker, so one pass stays short. */
    static final int BATCH = 50;

    @Inject
    Outbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    Retry retry = Retry.STANDARD;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean on() {
        return settings.on();
    }

    /** The center's public address, that links in mails start with. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String publicUrl() {
        return settings.publicUrl();
    }

    /**
     * Records a mail to send once the caller's transaction commits; false when mails are off, the
     * address cannot take mail, or a mail of this key was recorded before (it is not recorded twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String idempotencyKey, String recipient, Locale language, MailContent content) {
        if (!settings.on() || !MailAddress.usable(recipient)) {
            return false;
        }
        return outbox.add(new OutgoingMail(idempotencyKey, recipient, language.getLanguage(), content, recordedAt()));
    }

    private final AtomicReference<Instant> lastRecorded = new AtomicReference<>(Instant.EPOCH);

    /**
     * Now, but always after the mail recorded before: mails go out in the order they were recorded
     * (received before won before charged), even when the clock reads the same for several.
     */
    private Instant recordedAt() {
        Instant now = clock.instant();
        return lastRecorded.accumulateAndGet(now, (last, n) -> n.isAfter(last) ? n : last.plusNanos(1000));
    }

    /** Pending mails due now, for the worker to send outside any transaction (a slow server must hold no lock). */
    public List<OutgoingMail> due() {
        return outbox.due(clock.instant(), BATCH);
    }

    public void delivered(String key) {
        outbox.find(key).filter(m -> m.state() == OutgoingMail.State.PENDING).ifPresent(m -> m.sent(clock.instant()));
    }

    public void attemptFailed(String key, String answer) {
        outbox.find(key).filter(m -> m.state() == OutgoingMail.State.PENDING).ifPresent(m -> {
            m.attemptFailed(answer, clock.instant(), retry);
            if (m.state() == OutgoingMail.State.FAILED) {
                LOG.warning(() -> "mail " + key + " failed for good after " + m.attempts() + " attempts: " + m.lastAnswer());
            } else {
                // a server down is reported to the operator, not in the log at every attempt
                LOG.log(Level.FINE, () -> "mail " + key + " not sent (" + m.lastAnswer() + "); next attempt at " + m.nextAttemptAt());
            }
        });
    }

    /** Mails the operator should look at: failed for good, or failed three times in a row so far. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutgoingMail> troubled() {
        return outbox.troubled(3, 100);
    }

    /** Every mail recorded for an address, the oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutgoingMail> to(String recipient) {
        return outbox.to(recipient);
    }

    /** Whether the user wants reminders (the event about to start); yes until it says otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean wantsReminders(String username) {
        return outbox.preference(username).map(MailPreference::reminders).orElse(true);
    }

    /** The user's choice of reminders; essential mails are sent whatever it chose. */
    public void reminders(String username, boolean wanted) {
        preferenceOf(username).reminders(wanted);
    }

    /** The address a user keeps for its own mails, and their language; blank stops them. */
    public void address(@NotBlank String username, @Size(max = 400) String address, @NotNull Locale language) {
        preferenceOf(username).address(address, language.getLanguage());
    }

    /** Where a user's own mails go, when it keeps an address. */
    public record Recipient(String address, Locale language) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recipient> recipient(String username) {
        return outbox.preference(username).flatMap(p -> p.address().map(a -> new Recipient(a, p.language())));
    }

    private MailPreference preferenceOf(String username) {
        return outbox.preference(username).orElseGet(() -> {
            MailPreference p = new MailPreference(username, true);
            outbox.keep(p);
            return p;
        });
    }
}
