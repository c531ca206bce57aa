package org.cascade.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * What mails a user wants beyond the essential ones. Essential mails — what the user applied
 * for, a draw's result, a charge, a change of what it pays or when its stream starts — are
 * always sent: they are the record of the user's money. Reminders (the event about to start)
 * can be stopped. No row: the user gets every mail.
 */
@Entity
@Table(name = "MAIL_PREFERENCE")
public class MailPreference {

    /** The user: a media serial. */
    @Id
    @Column(length = 32)
    private String username;

    private boolean reminders;

    protected MailPreference() {
    }

    public MailPreference(String username, boolean reminders) {
        this.username = Objects.requireNonNull(username, "username");
        this.reminders = reminders;
    }

    public void reminders(boolean wanted) {
        reminders = wanted;
    }

    public boolean reminders() {
        return reminders;
    }

    public String username() {
        return username;
    }
}
