package org.cascade.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One mail of the outbox: written with the business event that causes it, sent later. Its
 * idempotency key is its primary key, so one key is one mail whatever runs twice; its state moves
 * from {@code PENDING} to {@code SENT} once the SMTP server accepted it, or to {@code FAILED}
 * after the last attempt {@link Retry} allows, keeping the server's last answer.
 */
@Entity
@Table(name = "OUTGOING_MAIL", indexes = @Index(name = "OUTGOING_MAIL_DUE", columnList = "STATE, NEXTATTEMPTAT"))
@NamedQuery(name = "OutgoingMail.due",
        query = "select m from OutgoingMail m where m.state = :pending and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.idempotencyKey")
@NamedQuery(name = "OutgoingMail.troubled",
        query = "select m from OutgoingMail m where m.state = :failed "
                + "or (m.state = :pending and m.attempts >= :attempts) "
                + "order by m.createdAt desc")
@NamedQuery(name = "OutgoingMail.to",
        query = "select m from OutgoingMail m where m.recipient = :recipient order by m.createdAt, m.idempotencyKey")
public class OutgoingMail {

    public enum State { PENDING, SENT, FAILED }

    public static final int MAX_KEY = 120;
    public static final int MAX_ANSWER = 1000;

    @Id
    @Column(length = MAX_KEY)
    private String idempotencyKey;

    @Column(nullable = false, length = MailAddress.MAX_LENGTH)
    private String recipient;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(nullable = false, length = MailContent.MAX_SUBJECT)
    private String subject;

    @Lob
    @Column(nullable = false)
    private String textBody;

    @Lob
    @Column(nullable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private State state;

    private int attempts;

    @Column(nullable = false)
    private Instant createdAt;

    /** When the worker tries it next; meaningful while pending. */
    @Column(nullable = false)
    private Instant nextAttemptAt;

    private Instant sentAt;

    @Column(length = MAX_ANSWER)
    private String lastAnswer;

    protected OutgoingMail() {
    }

    /** A pending mail, due at once. */
    public OutgoingMail(String idempotencyKey, String recipient, String language, MailContent content, Instant now) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("idempotency key " + idempotencyKey);
        }
        if (!MailAddress.usable(recipient)) {
            throw new IllegalArgumentException("not a usable address");
        }
        this.idempotencyKey = idempotencyKey;
        this.recipient = recipient;
        this.language = Objects.requireNonNull(language, "language");
        this.subject = content.subject();
        this.textBody = content.text();
        this.htmlBody = content.html(language);
        this.state = State.PENDING;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
    }

    /** The SMTP server accepted the mail. */
    public void sent(Instant at) {
        requirePending();
        attempts++;
        state = State.SENT;
        sentAt = at;
        lastAnswer = null;
    }

    /** An attempt failed with the server's answer: due again later, or failed for good after the last attempt. */
    public void attemptFailed(String answer, Instant now, Retry retry) {
        requirePending();
        attempts++;
        String a = answer == null || answer.isBlank() ? "no answer" : answer.strip();
        lastAnswer = a.length() > MAX_ANSWER ? a.substring(0, MAX_ANSWER) : a;
        retry.after(attempts, now).ifPresentOrElse(next -> nextAttemptAt = next, () -> state = State.FAILED);
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new IllegalStateException("mail " + idempotencyKey + " is " + state);
        }
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String recipient() {
        return recipient;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastAnswer() {
        return lastAnswer;
    }
}
