import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jakarta.json.Json;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.TerminalPages;
import org.cascade.testing.Terminals;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The swarm benchmark (issue 5): N headless Chromium terminals, one of them the initial holder of
 * a content, the others press Receive at once; the origin and every terminal's upload capped.
 * Reports per run the origin bytes ÷ the content size, the P2P share of all bytes delivered, the
 * completion time of the last terminal beside the Kumar & Ross minimum for these capacities; then
 * the same receivers served by the origin alone, and the ceiling of one Chromium's WebRTC traffic.
 *
 * Runs against a server of its own (see run.sh), with the test helpers and Selenium on the class path.
 */
public class Swarm {

    static final int KIB = 1024;
    static final int PIECE = 256 * KIB;

    final URL base;
    final int terminals = Integer.getInteger("terminals", 12);
    final int sizeMib = Integer.getInteger("sizeMib", 8);
    final int originKib = Integer.getInteger("originKib", 128);
    final int terminalKib = Integer.getInteger("terminalKib", 64);
    final int runs = Integer.getInteger("runs", 3);
    final boolean originOnly = Boolean.parseBoolean(System.getProperty("originOnly", "true"));
    final int ceilingMib = Integer.getInteger("ceilingMib", 32);
    final Path out;
    final List<WebDriver> browsers = new ArrayList<>();
    final StringBuilder report = new StringBuilder();
    Center operator;
    Center.Clerk clerk;

    Swarm(URL base, Path out) {
        this.base = base;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Swarm s = new Swarm(new URL(args[0]), Path.of(args[1]));
        try {
            s.run();
        } finally {
            s.browsers.forEach(b -> {
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

    void run() throws Exception {
        operator = Center.asOperator(base);
        clerk = operator.openStoreWithClerk("Swarm");
        long t = System.nanoTime();
        for (int i = 0; i < terminals; i++) {
            WebDriver d = Browsers.open();
            browsers.add(d);
            Terminals.insert(d, base, Terminals.sell(base, clerk, 100_000, "swarm-pw-" + i), "swarm-pw-" + i);
        }
        System.out.printf("%d browsers open, media inserted, in %.0f s%n", terminals, (System.nanoTime() - t) / 1e9);

        double ceiling = ceiling();
        int n = terminals - 1;
        long f = (long) sizeMib * 1024 * KIB;
        double us = (originKib + terminalKib) * (double) KIB;
        double ui = terminalKib * (double) KIB;
        double dmin = ceiling * 1024 * KIB;
        double tmin = Math.max(Math.max(f / us, f / dmin), n * f / (us + n * ui));
        say(String.format(Locale.ROOT, "content %d MiB; %d receivers and 1 initial holder; origin capped at %d KiB/s, every terminal's upload at %d KiB/s",
                sizeMib, n, originKib, terminalKib));
        say(String.format(Locale.ROOT, "one Chromium's WebRTC ceiling: %.2f MiB/s (one holder to one receiver, uncapped, %d MiB)", ceiling, ceilingMib));
        say(String.format(Locale.ROOT, "Kumar & Ross minimum: max(F/u_s, F/d_min, N*F/(u_s + sum u_i)) with u_s = origin + initial holder = %d KiB/s,"
                + " u_i = %d KiB/s, N = %d, d_min = the ceiling: max(%.1f, %.1f, %.1f) = %.1f s",
                originKib + terminalKib, terminalKib, n, f / us, f / dmin, n * f / (us + n * ui), tmin));
        say("");
        say("| run | last terminal done | ÷ minimum | origin bytes ÷ size | P2P share | relay bytes | slowest / fastest terminal |");
        say("|---|---|---|---|---|---|---|");
        List<double[]> results = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            double[] x = swarmRun(r, true, f);
            results.add(x);
            say(String.format(Locale.ROOT, "| %d | %.1f s | %.2f | %.2f | %.1f %% | %d | %.1f s / %.1f s |", r, x[0], x[0] / tmin, x[1] / f,
                    100 * x[2], (long) x[3], x[0], x[4]));
        }
        double[] last = results.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] origin = results.stream().mapToDouble(x -> x[1] / f).sorted().toArray();
        double[] share = results.stream().mapToDouble(x -> x[2] * 100).sorted().toArray();
        say("");
        say(String.format(Locale.ROOT, "median of %d runs: last terminal %.1f s (%.2f × the minimum; spread %.1f–%.1f s), origin bytes %.2f × the size"
                + " (%.2f–%.2f), P2P share %.1f %% (%.1f–%.1f %%)", runs, median(last), median(last) / tmin, last[0], last[last.length - 1],
                median(origin), origin[0], origin[origin.length - 1], median(share), share[0], share[share.length - 1]));
        if (originOnly) {
            double[] x = swarmRun(0, false, f);
            say(String.format(Locale.ROOT, "origin alone (redistribution not allowed, same cap): last terminal %.1f s (N*F/u_origin = %.1f s);"
                    + " the swarm's median is %.1f × faster", x[0], n * f / (originKib * (double) KIB), x[0] / median(last)));
        }
        Files.writeString(out, report.toString());
    }

    static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The ceiling: one uncapped holder sends a larger content to one uncapped receiver; MiB/s. */
    double ceiling() throws Exception {
        setOriginCap(0);
        WebDriver holder = browsers.get(0);
        WebDriver receiver = browsers.get(1);
        capUpload(holder, 0);
        capUpload(receiver, 0);
        Contents.Registered c = Contents.register(base, "Ceiling", ceilingMib * 1024 * KIB, 100, 10);
        receiveAndWait(List.of(holder), c.id(), 300);
        Thread.sleep(2000); // its holding reaches the center
        openContent(receiver, c.id());
        long t = System.nanoTime();
        receiver.findElement(By.id("receive")).click();
        awaitComplete(receiver, 300);
        double seconds = (System.nanoTime() - t) / 1e9;
        long p2p = bytes(receiver, "p2p");
        if (p2p != (long) ceilingMib * 1024 * KIB) {
            System.out.println("warning: the ceiling transfer took " + bytes(receiver, "origin") + " bytes from the origin");
        }
        return ceilingMib / seconds;
    }

    /**
     * One run: a new content, the initial holder receives it from the origin (uncapped, before the
     * clock starts), then every other terminal presses Receive. Returns the last completion (s),
     * origin bytes, P2P share, relay bytes and the first completion (s).
     */
    double[] swarmRun(int run, boolean redistribution, long f) throws Exception {
        setOriginCap(0);
        Contents.Registered c = Contents.register(base, "Swarm " + run, (int) f, 800, redistribution ? 10 : 0);
        WebDriver holder = browsers.get(0);
        List<WebDriver> receivers = browsers.subList(1, browsers.size());
        for (WebDriver d : browsers) {
            capUpload(d, terminalKib);
        }
        if (redistribution) {
            receiveAndWait(List.of(holder), c.id(), 300);
            Thread.sleep(2000);
        }
        for (WebDriver d : receivers) {
            openContent(d, c.id());
        }
        setOriginCap(originKib * KIB);
        long t0 = System.nanoTime();
        for (WebDriver d : receivers) {
            d.findElement(By.id("receive")).click();
        }
        double[] done = new double[receivers.size()];
        Arrays.fill(done, -1);
        // Four times what the origin alone would take: a run that slow has gone wrong.
        long limit = Math.max(120, 4 * (receivers.size() * f) / ((long) originKib * KIB));
        long deadline = t0 + limit * 1_000_000_000L;
        long nextProgress = t0 + 10_000_000_000L;
        int left = receivers.size();
        while (left > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + run + ": " + left + " terminals not done in " + limit + " s");
            }
            if (System.nanoTime() > nextProgress) {
                nextProgress += 10_000_000_000L;
                System.out.printf(Locale.ROOT, "  %.0f s: %d done; percents %s%n", (System.nanoTime() - t0) / 1e9, receivers.size() - left,
                        receivers.stream().map(d -> d.findElement(By.id("transfer")).getAttribute("data-percent")).toList());
            }
            for (int i = 0; i < receivers.size(); i++) {
                if (done[i] < 0 && "complete".equals(TerminalPages.state(receivers.get(i)))) {
                    done[i] = (System.nanoTime() - t0) / 1e9;
                    left--;
                }
            }
            Thread.sleep(200);
        }
        long p2p = 0;
        long relay = 0;
        long origin = 0;
        for (WebDriver d : receivers) {
            p2p += bytes(d, "p2p");
            relay += bytes(d, "relay");
            origin += bytes(d, "origin");
        }
        double last = Arrays.stream(done).max().orElseThrow();
        double first = Arrays.stream(done).min().orElseThrow();
        System.out.printf(Locale.ROOT, "run %d%s: done %s s; bytes p2p %d, relay %d, origin %d%n", run, redistribution ? "" : " (origin alone)",
                Arrays.toString(Arrays.stream(done).map(x -> Math.round(x * 10) / 10.0).toArray()), p2p, relay, origin);
        return new double[] {last, origin, (double) p2p / (p2p + relay + origin), relay, first};
    }

    void setOriginCap(long bytesPerSecond) throws Exception {
        var set = operator.post("api/origin", Json.createObjectBuilder().add("totalBytesPerSecond", bytesPerSecond)
                .add("perContentBytesPerSecond", 0).build());
        if (set.statusCode() != 200) {
            throw new IllegalStateException(set.body());
        }
    }

    void receiveAndWait(List<WebDriver> who, String content, int seconds) {
        for (WebDriver d : who) {
            openContent(d, content);
            d.findElement(By.id("receive")).click();
        }
        for (WebDriver d : who) {
            awaitComplete(d, seconds);
        }
    }

    void openContent(WebDriver d, String id) {
        TerminalPages.openContent(d, base, id);
    }

    void awaitComplete(WebDriver d, int seconds) {
        Browsers.waitFor(d, seconds).until(x -> "complete".equals(TerminalPages.state(x)));
    }

    static long bytes(WebDriver d, String path) {
        return TerminalPages.bytes(d, path);
    }

    void capUpload(WebDriver d, int kibPerSecond) {
        TerminalPages.capUpload(d, base, kibPerSecond);
    }
}
