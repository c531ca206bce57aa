package org.cascade.mail.application;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts mails are made of, in one language: the keys of the pages' own bundle
 * ({@code i18n/messages*.properties}), so a mail says things the way the pages do, with amounts
 * and times formatted for that language and the center's zone.
 */
public final class MailTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;

    public MailTexts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, MailTexts.class.getClassLoader(), NO_FALLBACK);
    }

    public Locale locale() {
        return locale;
    }

    /** The key's text with its arguments; a missing key is a bug, and fails loudly here rather than in a user's mailbox. */
    public String text(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " in " + locale, e);
        }
    }

    public String yen(long amount) {
        return NumberFormat.getIntegerInstance(locale).format(amount) + (locale.getLanguage().equals("ja") ? " 円" : " yen");
    }

    public String time(Instant instant) {
        return TIME.withLocale(Locale.ROOT).format(instant.atZone(zone));
    }
}
