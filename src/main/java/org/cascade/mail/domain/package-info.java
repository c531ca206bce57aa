/**
 * Mails to users, kept in an outbox: each {@link org.cascade.mail.domain.OutgoingMail} is written
 * in the transaction of the business event that causes it (an application taken, a draw, a
 * charge), so it exists exactly when that event committed, and is sent afterwards by the worker.
 *
 * <ul>
 * <li>one mail per idempotency key: the key is the outbox row's primary key, so a use case that
 * runs twice (a schedule after a restart) records its mail once;</li>
 * <li>a mail is {@code SENT} once the SMTP server accepted it; a failed attempt is tried again
 * later by {@link org.cascade.mail.domain.Retry}'s exponential backoff, and after its last attempt
 * the mail is {@code FAILED} with the server's answer, for the operator to see;</li>
 * <li>the one case a mail may go out twice: the center stops (or the database fails) after the
 * server accepted the mail and before it is marked sent; the next attempt sends it again, with
 * the same Message-ID (derived from the key), so a careful mail client shows it once;</li>
 * <li>its content is a {@link org.cascade.mail.domain.MailContent}: a subject and paragraphs,
 * rendered as both a plain-text and an HTML part;</li>
 * <li>what a user wants beyond the essential mails (reminders): {@link org.cascade.mail.domain.MailPreference};
 * addresses mail can go to: {@link org.cascade.mail.domain.MailAddress}.</li>
 * </ul>
 */
package org.cascade.mail.domain;
