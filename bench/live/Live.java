import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.LivePages;
import org.cascade.testing.Terminals;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The live benchmark (issue 8): one publisher and three orders of viewers in headless Chromium.
 * Every second it reads each viewer's delay behind the center (the page's measured figure) and,
 * at the end, the center's own upload from the sponsor's cascade API; at two thirds of the run it
 * closes a primary that feeds a secondary and measures the secondary's gap in playback.
 *
 * Runs against a server of its own (see run.sh), with the test helpers and Selenium on the class path.
 */
public class Live {

    final URL base;
    final int perOrder = Integer.getInteger("perOrder", 4);
    final int seconds = Integer.getInteger("seconds", 120);
    final int interval = Integer.getInteger("interval", 5);
    final Path out;
    final List<WebDriver> browsers = new ArrayList<>();
    final StringBuilder report = new StringBuilder();

    Live(URL base, Path out) {
        this.base = base;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Live l = new Live(new URL(args[0]), Path.of(args[1]));
        try {
            l.run();
        } finally {
            l.browsers.forEach(b -> {
                try {
                    b.quit();
                } catch (RuntimeException e) {
                    // already gone
                }
            });
        }
    }

    void say(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    static String attr(WebDriver d, String id, String name) {
        Object v = ((JavascriptExecutor) d).executeScript("const e = document.getElementById(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;", id, name);
        return v == null ? "" : v.toString();
    }

    static long number(WebDriver d, String id, String name) {
        String v = attr(d, id, name);
        return v.isEmpty() ? -1 : Long.parseLong(v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(WebDriver d, String url) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.json()).then(done);", url);
    }

    void run() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebDriver holder = Browsers.openWithCamera();
        browsers.add(holder);
        LivePages.newHolder(holder, base, "bench-" + suffix);
        String eventId = LivePages.onAirEvent(holder, base, "Benchmark " + suffix, 3, interval, 0);
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Live bench");

        // viewers[order-1] = the viewers of that order
        List<List<WebDriver>> viewers = new ArrayList<>();
        long t = System.nanoTime();
        for (int order = 1; order <= 3; order++) {
            List<WebDriver> these = new ArrayList<>();
            for (int i = 0; i < perOrder; i++) {
                WebDriver d = Browsers.open();
                browsers.add(d);
                Terminals.insert(d, base, Terminals.sell(base, clerk, 10_000, "live-pw"), "live-pw");
                d.get(base + "live/event?id=" + eventId);
                d.findElement(By.id("name")).sendKeys("Viewer " + order + "-" + i);
                d.findElement(By.id("email")).sendKeys("v" + order + i + "@example.org");
                d.findElement(By.id("order-" + order)).click();
                d.findElement(By.id("redistribution-allowed")).click();
                d.findElement(By.id("apply-submit")).click();
                Browsers.visible(d, By.cssSelector(".flash"));
                these.add(d);
            }
            viewers.add(these);
        }
        System.out.printf("%d viewers applied in %.0f s%n", 3 * perOrder, (System.nanoTime() - t) / 1e9);

        holder.get(base + "holder/live/air?id=" + eventId);
        new Select(Browsers.visible(holder, By.id("air-pattern"))).selectByValue("entirety");
        holder.findElement(By.id("air-start")).click();
        Browsers.waitFor(holder, 30).until(d -> number(d, "air-state", "data-sent") >= 2);
        for (List<WebDriver> order : viewers) {
            for (WebDriver v : order) {
                v.get(base + "live/watch?id=" + eventId);
            }
        }
        long startedAt = System.currentTimeMillis();
        long uploadAtStart = ((Number) json(holder, base + "api/live/events/" + eventId + "/air").get("centerUpload")).longValue();
        long sentAtStart = number(holder, "air-state", "data-sent");

        Map<Integer, List<Long>> delays = new HashMap<>();
        boolean closed = false;
        WebDriver orphan = null;
        long lastPlayedBefore = 0;
        long segmentsBefore = 0;
        long gap = -1;
        while (System.currentTimeMillis() - startedAt < seconds * 1000L) {
            for (int order = 1; order <= 3; order++) {
                for (WebDriver v : viewers.get(order - 1)) {
                    if (!browsers.contains(v)) {
                        continue;
                    }
                    long behind = number(v, "watch-state", "data-behind-ms");
                    // the first 15 s are the start (the later orders wait their delay for their first segment)
                    if (behind >= 0 && System.currentTimeMillis() - startedAt > 15_000) {
                        delays.computeIfAbsent(order, k -> new ArrayList<>()).add(behind);
                    }
                }
            }
            if (!closed && System.currentTimeMillis() - startedAt > seconds * 2000L / 3) {
                orphan = viewers.get(1).get(0);
                String feeder = attr(orphan, "watch-feed", "data-from");
                WebDriver leaving = viewers.get(0).stream().filter(p -> feeder.equals(attr(p, "watch", "data-application")))
                        .findFirst().orElse(null);
                if (leaving != null) {
                    lastPlayedBefore = number(orphan, "watch-state", "data-played-at");
                    segmentsBefore = number(orphan, "watch-state", "data-segments");
                    leaving.quit();
                    browsers.remove(leaving);
                }
                closed = true;
            }
            if (closed && gap < 0 && orphan != null && segmentsBefore > 0
                    && number(orphan, "watch-state", "data-segments") > segmentsBefore) {
                gap = number(orphan, "watch-state", "data-played-at") - lastPlayedBefore;
            }
            Thread.sleep(1000);
        }
        Map<String, Object> air = json(holder, base + "api/live/events/" + eventId + "/air");
        long upload = ((Number) air.get("centerUpload")).longValue() - uploadAtStart;
        long sent = number(holder, "air-state", "data-sent") - sentAtStart;
        long stream = streamBytes(holder, eventId, sentAtStart, sent);

        say(String.format(Locale.ROOT, "%d viewers (%d per order, 3 orders), interval %d s, %d s on air; publisher: Chromium's test camera"
                + " at 320×240, 15 fps, 250 kbit/s video + 32 kbit/s audio, 1 s WebM segments", 3 * perOrder, perOrder, interval, seconds));
        say("");
        say("| order | configured delay | median delay | p95 delay | median stray | samples |");
        say("|---|---|---|---|---|---|");
        for (int order = 1; order <= 3; order++) {
            List<Long> d = delays.getOrDefault(order, List.of()).stream().sorted().toList();
            if (d.isEmpty()) {
                say("| " + order + " | | no samples | | | 0 |");
                continue;
            }
            long configured = (order - 1L) * interval * 1000;
            long median = d.get(d.size() / 2);
            long p95 = d.get(Math.min(d.size() - 1, (int) Math.ceil(d.size() * 0.95) - 1));
            say(String.format(Locale.ROOT, "| %d | %.1f s | %.2f s | %.2f s | %+.2f s | %d |", order, configured / 1000.0,
                    median / 1000.0, p95 / 1000.0, (median - configured) / 1000.0, d.size()));
        }
        say("");
        say(String.format(Locale.ROOT, "center's upload %,d bytes ÷ the stream %,d bytes (%d segments) = %.2f (target ≤ %d primaries + 10 %% = %.1f)",
                upload, stream, sent, stream == 0 ? 0 : upload / (double) stream, perOrder, perOrder * 1.1));
        say(gap >= 0 ? String.format(Locale.ROOT, "a primary's page closed at %d s: its secondary's playback gap %,d ms"
                + " (last segment appended before → first after)", seconds * 2 / 3, gap)
                : "a primary's page closed: its secondary did not resume within the run");
        Files.writeString(out, report.toString());
    }

    /** The bytes of the segments published in the window, from the center's list (as a primary sees it). */
    long streamBytes(WebDriver holder, String eventId, long from, long count) {
        // the publisher's page knows what it sent; the center's list is the truth: read it as a primary viewer
        WebDriver primary = browsers.stream().filter(b -> b != holder && "1".equals(attr(b, "watch", "data-order")))
                .findFirst().orElseThrow();
        long total = 0;
        long after = from - 1;
        while (after < from + count - 1) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> page = (List<Map<String, Object>>) ((JavascriptExecutor) primary).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0], {headers: {Accept: 'application/json'}})"
                    + ".then(r => r.json()).then(done);", base + "api/live/events/" + eventId + "/segments?after=" + after);
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> s : page) {
                long seq = ((Number) s.get("seq")).longValue();
                if (seq < from + count) {
                    total += ((Number) s.get("size")).longValue();
                }
                after = seq;
            }
        }
        return total;
    }
}
