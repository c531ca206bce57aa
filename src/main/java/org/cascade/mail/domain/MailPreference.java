package org.cascade.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cascade.platform.domain.RuleViolation;

/**
 * What mails a user wants beyond the essential ones. Essential mails — what the user applied
 * for, a draw's result, a charge, a change of what it pays or when its stream starts, a
 * holder's deposit — are always sent: they are the record of the user's money. Reminders (the
 * event about to start) can be stopped. No row: the user gets every mail.
 *
 * <p>An applicant gives its address with each application; a contents holder keeps one here,
 * with the language its mails are written in. An address is kept only if it can take mail.
 */
@Entity
@Table(name = "MAIL_PREFERENCE")
public class MailPreference {

    /** The user: a media serial, or a staff user name. */
    @Id
    @Column(length = 32)
    private String username;

    private boolean reminders;

    /** Where the user's own mails go (holders); null: none kept. */
    @Column(length = MailAddress.MAX_LENGTH)
    private String address;

    @Column(length = 8)
    private String language;

    protected MailPreference() {
    }

    public MailPreference(String username, boolean reminders) {
        this.username = Objects.requireNonNull(username, "username");
        this.reminders = reminders;
    }

    /**
     * Keeps the address the user's mails go to, written in {@code language}; a blank address
     * stops them. An address that cannot take mail (or could add headers) is refused.
     */
    public void address(String chosen, String language) {
        if (chosen == null || chosen.isBlank()) {
            address = null;
            return;
        }
        String stripped = chosen.strip();
        if (!MailAddress.usable(stripped)) {
            throw new RuleViolation("mail.address.invalid");
        }
        address = stripped;
        this.language = Objects.requireNonNull(language, "language");
    }

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    public Locale language() {
        return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
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
