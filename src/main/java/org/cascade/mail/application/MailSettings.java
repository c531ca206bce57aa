package org.cascade.mail.application;

import java.util.Locale;

/**
 * How mails leave the center: the SMTP server (no host: mails are off, nothing is recorded or
 * sent), its port, how the connection is protected, the account if the server wants one, the
 * sender's address, and the center's public address that links in mails start with.
 */
public record MailSettings(String host, int port, Tls tls, String user, String password, String sender, String publicUrl) {

    /** none: plain SMTP; starttls: upgraded with STARTTLS, refused without it; tls: TLS from the first byte. */
    public enum Tls {
        NONE, STARTTLS, TLS;

        public static Tls of(String setting) {
            try {
                return setting == null || setting.isBlank() ? NONE : valueOf(setting.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cascade.smtp.tls must be none, starttls or tls, not " + setting);
            }
        }
    }

    public MailSettings {
        host = host == null ? "" : host.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        sender = sender == null ? "" : sender.strip();
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    public boolean on() {
        return !host.isEmpty();
    }

    /** The right-hand side of Message-IDs: the sender's domain. */
    public String domain() {
        int at = sender.lastIndexOf('@');
        return at < 0 ? "cascade.invalid" : sender.substring(at + 1);
    }
}
