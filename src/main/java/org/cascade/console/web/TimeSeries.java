package org.cascade.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cascade.platform.domain.RuleViolation;

/**
 * Figures added up in equal time buckets ending with the current one, for the console's charts:
 * the last 24 hours by hour, or the last 14 days by day (days of the center's time zone).
 */
final class TimeSeries {

    private final List<Instant> starts;
    private final Instant end;
    private final Map<String, long[]> series = new LinkedHashMap<>();
    private final String bucket;

    private TimeSeries(String bucket, List<Instant> starts, Instant end, List<String> names) {
        this.bucket = bucket;
        this.starts = starts;
        this.end = end;
        names.forEach(n -> series.put(n, new long[starts.size()]));
    }

    static TimeSeries of(String bucket, Clock clock, List<String> names) {
        Instant now = clock.instant();
        List<Instant> starts;
        Instant end;
        if ("day".equals(bucket)) {
            var today = now.atZone(clock.getZone()).truncatedTo(ChronoUnit.DAYS);
            starts = IntStream.rangeClosed(0, 13).mapToObj(i -> today.minusDays(13 - i).toInstant()).toList();
            end = today.plusDays(1).toInstant();
        } else if ("hour".equals(bucket)) {
            Instant hour = now.truncatedTo(ChronoUnit.HOURS);
            starts = IntStream.rangeClosed(0, 23).mapToObj(i -> hour.minus(Duration.ofHours(23 - i))).toList();
            end = hour.plus(Duration.ofHours(1));
        } else {
            throw new RuleViolation("console.chart.bucket");
        }
        return new TimeSeries(bucket, starts, end, names);
    }

    Instant from() {
        return starts.get(0);
    }

    Instant to() {
        return end;
    }

    void add(String name, Instant at, long amount) {
        if (at.isBefore(from()) || !at.isBefore(end)) {
            return;
        }
        int i = starts.size() - 1;
        while (starts.get(i).isAfter(at)) {
            i--;
        }
        series.get(name)[i] += amount;
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bucket", bucket);
        out.put("buckets", starts.stream().map(Instant::toString).toList());
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        series.forEach((name, v) -> {
            values.put(name, java.util.Arrays.stream(v).boxed().toList());
            totals.put(name, java.util.Arrays.stream(v).sum());
        });
        out.put("series", values);
        out.put("totals", totals);
        return out;
    }
}
