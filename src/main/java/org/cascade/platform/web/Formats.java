package org.cascade.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats for templates ({@code ${fmt.yen(x)}}, {@code ${fmt.time(t)}}), in the page's language and the center's zone. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Locale locale;
    private final ZoneId zone;
    /** One per page (a page renders on one thread): formats are costly to look up for every amount. */
    private NumberFormat integers;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String yen(long amount) {
        if (integers == null) {
            integers = NumberFormat.getIntegerInstance(locale);
        }
        return integers.format(amount) + (locale.getLanguage().equals("ja") ? " 円" : " yen");
    }

    public String signedYen(long amount) {
        return (amount > 0 ? "+" : "") + yen(amount);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
