package org.cascade.mail.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where outgoing mails are kept. */
public interface Outbox {

    /** Keeps a new mail; false (nothing kept) when a mail of its key exists already. */
    boolean add(OutgoingMail mail);

    Optional<OutgoingMail> find(String idempotencyKey);

    /** Pending mails whose next attempt is due, the longest waiting first. */
    List<OutgoingMail> due(Instant now, int limit);

    /** Mails that failed for good or have failed at least {@code attempts} times, the newest first. */
    List<OutgoingMail> troubled(int attempts, int limit);

    /** Every mail to one address, the oldest first. */
    List<OutgoingMail> to(String recipient);

    Optional<MailPreference> preference(String username);

    void keep(MailPreference preference);
}
