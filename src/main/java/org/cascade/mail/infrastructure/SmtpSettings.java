package org.cascade.mail.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cascade.mail.application.MailSettings;

/** The mail settings of server.xml (cascade.smtp.*, cascade.mail.sender, cascade.public.url), read once. */
@ApplicationScoped
public class SmtpSettings {

    /** Dependent: a record cannot be proxied; its users are application-scoped, so it is read once each. */
    @Produces
    MailSettings settings() {
        String port = read("cascade/smtpPort", "25");
        int p;
        try {
            p = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cascade.smtp.port must be a port number, not " + port);
        }
        return new MailSettings(read("cascade/smtpHost", ""), p, MailSettings.Tls.of(read("cascade/smtpTls", "none")),
                read("cascade/smtpUser", ""), read("cascade/smtpPassword", ""),
                read("cascade/mailSender", "cascade@localhost.localdomain"), read("cascade/publicUrl", ""));
    }

    /** An entry Liberty did not bind (an empty value, say) reads as its default. */
    static String read(String name, String otherwise) {
        try {
            Object value = new InitialContext().lookup(name);
            return value == null ? otherwise : value.toString();
        } catch (NamingException e) {
            return otherwise;
        }
    }
}
