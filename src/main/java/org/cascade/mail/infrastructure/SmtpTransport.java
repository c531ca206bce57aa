package org.cascade.mail.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import org.cascade.mail.application.MailSending;
import org.cascade.mail.application.MailSettings;
import org.cascade.mail.domain.OutgoingMail;

/**
 * Sends one mail over SMTP with Jakarta Mail (Liberty's mail feature): a multipart/alternative
 * message, plain text first and HTML second, whose Message-ID is derived from the idempotency key
 * so that the one possible duplicate (see the domain's package) carries the same ID.
 */
@ApplicationScoped
public class SmtpTransport implements MailSending {

    @Inject
    MailSettings settings;

    private volatile Session session;

    @Override
    public void send(OutgoingMail mail) throws Refused {
        try {
            MimeMessage message = message(session(), mail, settings.domain());
            message.setFrom(new InternetAddress(settings.sender()));
            Transport transport = session().getTransport(settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp");
            try {
                transport.connect(settings.host(), settings.port(), settings.user().isEmpty() ? null : settings.user(),
                        settings.user().isEmpty() ? null : settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            throw new Refused(answer(e), e);
        }
    }

    /** The server's own words when it said something, else what went wrong on the way. */
    static String answer(MessagingException e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        Exception next = e.getNextException();
        for (int i = 0; next != null && i < 3; i++) {
            out.append(" — ").append(next.getMessage());
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        Throwable cause = e.getCause();
        if (next == null && cause != null && cause != e.getNextException()) {
            out.append(" — ").append(cause);
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    /** The message as it goes out; public for the tests of what a mail looks like. */
    public static MimeMessage message(Session session, OutgoingMail mail, String domain) throws MessagingException {
        String id = "<" + digest(mail.idempotencyKey()) + "@" + domain + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("Content-Language", mail.language());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16)
                    + ".cascade";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Session session() {
        Session s = session;
        if (s == null) {
            Properties p = new Properties();
            String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
            p.put("mail.transport.protocol", protocol);
            p.put("mail." + protocol + ".host", settings.host());
            p.put("mail." + protocol + ".port", Integer.toString(settings.port()));
            // a server that does not answer must not hold the worker for long
            p.put("mail." + protocol + ".connectiontimeout", "10000");
            p.put("mail." + protocol + ".timeout", "20000");
            p.put("mail." + protocol + ".writetimeout", "20000");
            p.put("mail." + protocol + ".auth", Boolean.toString(!settings.user().isEmpty()));
            p.put("mail." + protocol + ".from", settings.sender());
            if (settings.tls() == MailSettings.Tls.STARTTLS) {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            if (settings.tls() != MailSettings.Tls.NONE) {
                p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            s = Session.getInstance(p);
            session = s;
        }
        return s;
    }
}
