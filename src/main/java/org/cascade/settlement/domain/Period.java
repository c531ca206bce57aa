package org.cascade.settlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A settlement period: one calendar day of the center's time zone, [start, end). It is closed,
 * and may be settled, once the center's clock has reached its end: nothing posted later can
 * fall into it, so settling it twice gives the same payments.
 */
public record Period(LocalDate day, ZoneId zone) {

    public Period {
        if (day == null || zone == null) {
            throw new IllegalArgumentException("a period needs a day and a zone");
        }
    }

    public static Period containing(Instant instant, ZoneId zone) {
        return new Period(LocalDate.ofInstant(instant, zone), zone);
    }

    public Instant start() {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean closedAt(Instant now) {
        return !now.isBefore(end());
    }

    public Period next() {
        return new Period(day.plusDays(1), zone);
    }

    /** The run's name, which also prefixes its payments' ids: S20310110. */
    public String runName() {
        return "S" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
