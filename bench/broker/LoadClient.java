import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The broker benchmark's client (issue 5; see bench/broker/run.sh): many terminals on the
 * terminal channel at once, played the way the browser's terminal engine plays them, through
 * the public JSON API and the channel only. Only the JDK (java.net.http for HTTP and WebSocket).
 *
 * <p>{@code java LoadClient.java seed <base-url> <data-dir> <server-log>}: on a new database, the
 * operator takes the center over from the one-time password in the log, opens a store, a clerk
 * and a holder; the holder registers a few small contents; the clerk sells one media per
 * terminal (two sales at a time) and each buyer redeems its code. Written under
 * {@code <data-dir>/seed}, marked by {@code seed/done}.
 *
 * <p>{@code java LoadClient.java measure <base-url> <data-dir> <server-pid> <server-log>}: every terminal
 * inserts its media (PBKDF2 on the center: a few at a time, timed, not measured); the holder
 * terminals (the first tenth) receive every content from the origin unless their media already
 * did (request, origin link, GET the pieces the center asks of it, receipts, {@code assign} frames
 * asking for more, until every piece settled; then {@code holding}); all terminals open the
 * channel, say hello with what they hold and send heartbeats; then each run sends {@code rate}
 * requests per second from random non-holder terminals for random contents and times request to
 * its first link and signal relay. A request may get several links (up to four distributors and
 * the origin, and more as the center replaces the ones the receiver ends): each is counted
 * (links per request) and ended like the first, a direct one once its distributor signalled.
 * Writes {@code <data-dir>/result.txt}; exits 2 when any request got an alert, an error or no answer.
 *
 * <p>{@code measure} takes the server's log as a fifth argument, to count the deadlocks, errors and
 * warnings of the measured start.
 *
 * <p>System properties: terminals (2000), holdersPercent (10), rate (100 requests/s), seconds
 * (120 per run), runs (3), warmup (20 s), heartbeat (5 s), signinThreads (3), saleThreads (3),
 * originThreads (4), cores (2), clockTicks (100), code (a label for the result).
 */
public class LoadClient {

    static final int PIECE = 256 * 1024;
    /** The contents' sizes: 1, 2, 3 and 4 pieces of 256 KiB, the last piece of each shorter. */
    static final int[] SIZES = {200_000, PIECE + 150_000, 2 * PIECE + 100_000, 3 * PIECE + 50_000};
    static final long[] UNIT_COSTS = {100, 150, 200, 250};
    /** What every media is sold with: the holders' four receptions cost 700 of it. */
    static final long BALANCE = 5_000;
    /** Media sales: one clerk session, three at a time unless saleThreads says otherwise. */
    static final int SALE_CLIENTS = Integer.getInteger("saleThreads", 3);
    /** How long a request may wait for its link, and a link for its signal, before it counts as unanswered. */
    static final long ANSWER_TIMEOUT = TimeUnit.SECONDS.toNanos(10);
    /**
     * How long after its last link ended a requester may still get a link for its request (the
     * center answering the end of one link while another was open links the next distributor),
     * and is not asked for another meanwhile. A link later than that is a problem.
     */
    static final long LINGER = TimeUnit.SECONDS.toNanos(3);
    /** Closes the center makes in the normal course of a reception (nothing to carry, a new request, complete). */
    static final Set<String> NORMAL_CLOSES = Set.of("idle", "replaced", "completed");
    /** An origin reception of the setup asks again ({@code request} without a link, {@code more} with nothing to fetch) after this long. */
    static final long SETUP_QUIET = TimeUnit.SECONDS.toNanos(2);
    /** An origin reception of the setup that makes no progress for this long fails. */
    static final long SETUP_STUCK = TimeUnit.SECONDS.toNanos(120);

    static URI base;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) {
        // Reported here: the source launcher hides the cause of an exception thrown out of main.
        int status;
        try {
            base = URI.create(args[1]);
            Path data = Path.of(args[2]);
            status = switch (args[0]) {
                case "seed" -> seed(data, Path.of(args[3]));
                case "measure" -> new Measurement(data, Long.parseLong(args[3]), Path.of(args[4])).run();
                default -> throw new IllegalArgumentException("mode " + args[0]);
            };
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status); // the WebSocket and scheduler threads would keep the JVM alive
    }

    static void log(String format, Object... args) {
        System.out.printf("client: " + format + "%n", args);
    }

    // ----------------------------------------------------------------------------------------
    // Seed

    static int seed(Path data, Path serverLog) throws Exception {
        int terminals = Integer.getInteger("terminals", 2000);
        Path seed = data.resolve("seed");
        Files.createDirectories(seed);
        long started = System.nanoTime();
        String operatorPassword = oneTimePassword(serverLog);
        Session operator = Session.staff("operator", operatorPassword);
        operator.changePassword(operatorPassword, "op-" + UUID.randomUUID());
        long store = operator.post("/api/stores", json("name", "Broker bench store", "address", "Loopback 1")).number("id");
        Session clerk = Session.newStaff(operator, "/api/stores/" + store + "/clerks", "broker-clerk");
        Session holder = Session.newStaff(operator, "/api/holders", "broker-holder");

        byte[] png = png();
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            byte[] file = new byte[SIZES[i]];
            new SplittableRandom(1000 + i).nextBytes(file);
            String fileUpload = holder.upload("CONTENT", "broker-" + i + ".webm", file);
            String thumbnailUpload = holder.upload("IMAGE", "broker-" + i + ".png", png);
            String id = holder.post("/api/contents", json("name", "Broker bench " + i, "summary", "A content for the broker benchmark.",
                    "genre", "MUSIC", "unitCost", UNIT_COSTS[i], "writerName", "Writer " + i, "writerPayoutAccount", "BANK-0001-00011" + i,
                    "redistributionAllowed", true, "redistributorSharePercent", 10, "previewBytes", 0, "fileName", "broker-" + i + ".webm",
                    "mediaType", "video/webm", "fileUpload", fileUpload, "thumbnailUpload", thumbnailUpload)).string("id");
            contents.add(id + "\t" + SIZES[i] + "\t" + UNIT_COSTS[i]);
        }
        // Listed once the center has hashed the pieces and signed the manifest, in the background.
        for (String line : contents) {
            String id = line.split("\t")[0];
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!"LISTED".equals(holder.get("/api/contents/" + id).string("status"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("content " + id + " not listed after 5 minutes");
                }
                Thread.sleep(200);
            }
        }
        double contentSeconds = (System.nanoTime() - started) / 1e9;
        log("seed: %d contents registered and listed in %.1f s", contents.size(), contentSeconds);

        // Request keys are the ledger's idempotency keys: unique per seeding, so a sale is never a replay.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] lines = new String[terminals];
        long salesStarted = System.nanoTime();
        log("seed: selling %d media, %d at a time", terminals, SALE_CLIENTS);
        parallel("media sales", terminals, SALE_CLIENTS, u -> {
            Json sale = clerk.post("/api/store/sales", json("amount", BALANCE, "password", password(u),
                    "requestKey", "broker-" + run + "-" + u));
            // The buyer fetches the media file with the store's one-time code, as at /terminal.
            Session buyer = new Session();
            buyer.csrf = buyer.get("/api/session").string("csrfToken");
            String media = buyer.post("/api/media/redemptions", json("code", sale.string("code"))).string("media");
            lines[u] = password(u) + "\t" + Base64.getEncoder().encodeToString(media.getBytes(StandardCharsets.UTF_8));
        });
        double salesSeconds = (System.nanoTime() - salesStarted) / 1e9;
        Files.write(seed.resolve("media.tsv"), List.of(lines));
        Files.write(seed.resolve("contents.tsv"), contents);
        Files.deleteIfExists(seed.resolve("ram.tsv"));
        Files.writeString(seed.resolve("made.txt"), String.format("seed made %s: %d contents in %.0f s, %d media sales (and redemptions) in %.0f s (%.1f/s); server log: %s%n",
                Instant.now().truncatedTo(ChronoUnit.MINUTES), contents.size(), contentSeconds, terminals, salesSeconds, terminals / salesSeconds,
                serverLogSummary(serverLog)));
        Files.writeString(seed.resolve("done"), "terminals=" + terminals + " contents=" + SIZES.length + "\n");
        log("seed: done in %.0f s", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    static String password(int terminal) {
        return "broker-terminal-password-" + terminal;
    }

    // ----------------------------------------------------------------------------------------
    // Measurement

    /** A listed content as the terminals know it, with its manifest's piece digests. */
    record Content(String id, long size, int pieces, long unitCost, String none, String all, List<String> digests) {
    }

    static final class Measurement {

        final Path data;
        final long serverPid;
        final int rate = Integer.getInteger("rate", 100);
        final int seconds = Integer.getInteger("seconds", 120);
        final int runs = Integer.getInteger("runs", 3);
        final int warmup = Integer.getInteger("warmup", 20);
        final int heartbeat = Integer.getInteger("heartbeat", 5);
        final int signinThreads = Integer.getInteger("signinThreads", 3);
        final int cores = Integer.getInteger("cores", 2);
        final int clockTicks = Integer.getInteger("clockTicks", 100);
        final int holdersPercent = Integer.getInteger("holdersPercent", 10);
        /**
         * Holders receiving from the origin at once: their settlements run side by side, as they
         * would for many browsers receiving at the same time.
         */
        final int originThreads = Integer.getInteger("originThreads", 4);

        List<Content> contents;
        Terminal[] terminals;
        int holders;
        final List<String> setup = new ArrayList<>();

        final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("ws"));
        final HttpClient[] channels = {channelClient(), channelClient()};
        final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("timer"));

        /** Every frame the terminals sent and received. */
        final AtomicLong framesSent = new AtomicLong();
        final AtomicLong framesReceived = new AtomicLong();
        /** The run requests are counted in (a warm-up, a measured run, or setup when null). */
        volatile Run current;
        final Run setupRun = new Run("setup", 0);
        /** Receivers' p2p links waiting for the distributor's signal, by link id. */
        final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
        /** When each distributor sent its signal, by link id. */
        final Map<String, Long> signalSentAt = new ConcurrentHashMap<>();
        /**
         * The holders' origin receptions: requests sent again (no link came, or its link closed),
         * {@code more} frames (the link had nothing left to fetch), pieces the origin's cap made wait.
         */
        final AtomicLong originRequestsAgain = new AtomicLong();
        final AtomicLong originMore = new AtomicLong();
        final AtomicLong originCapWaits = new AtomicLong();
        /** Updated RAM parts of the media, appended as they come (a media presenting an older one is a rollback). */
        Path ramFile;

        final Path serverLog;

        Measurement(Path data, long serverPid, Path serverLog) {
            this.data = data;
            this.serverPid = serverPid;
            this.serverLog = serverLog;
        }

        HttpClient channelClient() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        int run() throws Exception {
            Path seed = data.resolve("seed");
            ramFile = seed.resolve("ram.tsv");
            List<String> media = new ArrayList<>(Files.readAllLines(seed.resolve("media.tsv")));
            applyRamUpdates(media);
            int n = media.size();
            holders = Math.max(1, (int) Math.round(n * holdersPercent / 100.0));
            terminals = new Terminal[n];

            long started = System.nanoTime();
            parallel("sign-ins", n, signinThreads, i -> terminals[i] = signIn(i, media.get(i)));
            double signInSeconds = (System.nanoTime() - started) / 1e9;
            setup.add(String.format("sign-ins: %d media inserted in %.1f s (%.1f/s, %d at a time; PBKDF2 on the center; not measured)",
                    n, signInSeconds, n / signInSeconds, signinThreads));
            log("%s", setup.get(setup.size() - 1));

            contents = loadContents(seed, terminals[0].http);
            makeHolders();

            started = System.nanoTime();
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (terminals[i].channel == null) {
                    rest.add(i);
                }
            }
            parallel("channels", rest.size(), 8, k -> open(terminals[rest.get(k)]));
            double openSeconds = (System.nanoTime() - started) / 1e9;
            setup.add(String.format("channels: %d opened and welcomed in %.1f s (%d holders say hello with %d contents each)",
                    rest.size(), openSeconds, holders, contents.size()));
            log("%s", setup.get(setup.size() - 1));

            timers.scheduleAtFixedRate(this::sweep, 500, 500, TimeUnit.MILLISECONDS);

            if (warmup > 0) {
                Run w = measureRun("warm-up", 0, warmup);
                log("%s", w.line());
            }
            List<Run> measured = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                Run run = measureRun("run " + r, r, seconds);
                measured.add(run);
                log("%s", run.line());
            }
            for (Terminal t : terminals) {
                t.close();
            }
            Thread.sleep(2000);
            List<String> result = report(measured);
            Files.write(data.resolve("result.txt"), result); // run.sh prints it
            boolean failed = measured.stream().anyMatch(Run::failed) || setupRun.failed();
            return failed ? 2 : 0;
        }

        /** The media's newer RAM parts (settlements of the holders' receptions), last one wins. */
        void applyRamUpdates(List<String> media) throws IOException {
            if (!Files.exists(ramFile)) {
                return;
            }
            for (String line : Files.readAllLines(ramFile)) {
                String[] p = line.split("\t");
                int i = Integer.parseInt(p[0]);
                String[] m = media.get(i).split("\t");
                String file = new String(Base64.getDecoder().decode(m[1]), StandardCharsets.UTF_8);
                if (ramVersion(p[1]) > ramVersion(new Json(file).string("ram"))) {
                    media.set(i, m[0] + "\t" + Base64.getEncoder().encodeToString(withRam(file, p[1]).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }

        /** A terminal inserts its media in a session of its own (the center checks the password with PBKDF2). */
        Terminal signIn(int i, String line) {
            String[] parts = line.split("\t");
            String file = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Session http = new Session();
            http.csrf = http.get("/api/session").string("csrfToken");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/terminal/session"))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json("media", file, "password", parts[0]))));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("media " + i + " refused (" + r.statusCode() + "): " + r.body()
                        + " (a media whose newer RAM part was lost is a rollback: BENCH_FRESH=1 seeds again)");
            }
            Json in = new Json(r.body());
            http.csrf = http.get("/api/session").string("csrfToken");
            Terminal t = new Terminal(this, i, i < holders, http, in.string("serial"), file);
            t.offerRam(in.string("ram"));
            return t;
        }

        /** The contents of the seed, each with its manifest checked as a terminal checks it (signature, root, piece count). */
        List<Content> loadContents(Path seed, Session http) throws Exception {
            PublicKey key = centerKey(http.get("/api/center/key").text());
            List<Content> out = new ArrayList<>();
            for (String line : Files.readAllLines(seed.resolve("contents.tsv"))) {
                String[] p = line.split("\t");
                long size = Long.parseLong(p[1]);
                int pieces = (int) ((size + PIECE - 1) / PIECE);
                HttpResponse<String> m = http.send(HttpRequest.newBuilder(base.resolve("/api/contents/" + p[0] + "/manifest"))
                        .header("Accept", "application/jwt").GET()); // the protocol note says text/plain; the center serves application/jwt
                if (m.statusCode() != 200) {
                    throw new IllegalStateException("manifest of " + p[0] + ": " + m.statusCode() + " " + m.body());
                }
                out.add(new Content(p[0], size, pieces, Long.parseLong(p[2]), bits(pieces, false), bits(pieces, true),
                        verifiedDigests(m.body(), p[0], key, pieces)));
            }
            return out;
        }

        /**
         * Holders (the first tenth of the terminals) hold every content, received from the origin
         * once and kept in the seed (their settled receptions). Those still missing one receive it
         * first, before any holder announces anything, so that every such request gets the origin.
         */
        void makeHolders() throws Exception {
            long started = System.nanoTime();
            parallel("holders' receptions", holders, 4, i -> terminals[i].learnReceptions());
            List<Integer> missing = new ArrayList<>();
            int pairs = 0;
            for (int i = 0; i < holders; i++) {
                if (terminals[i].complete.size() < contents.size()) {
                    missing.add(i);
                    pairs += contents.size() - terminals[i].complete.size();
                }
            }
            if (missing.isEmpty()) {
                setup.add(String.format("holders: %d terminals already hold all %d contents (settled receptions in the kept seed)",
                        holders, contents.size()));
                log("%s", setup.get(setup.size() - 1));
                return;
            }
            parallel("holder channels", missing.size(), 8, k -> open(terminals[missing.get(k)]));
            parallel("origin receptions", missing.size(), originThreads, k -> terminals[missing.get(k)].receiveMissingFromOrigin());
            for (int i : missing) {
                for (Content c : contents) {
                    terminals[i].send("{\"type\":\"holding\",\"content\":\"" + c.id() + "\",\"pieces\":\"" + c.all() + "\"}");
                }
            }
            setup.add(String.format("holders: %d of %d holder terminals received %d contents from the origin in %.1f s, %d at a time"
                    + " (request, origin link, GET the pieces asked, receipts, assign, ..., settled, then holding; %d requests sent again,"
                    + " %d more, %d waits at the origin's cap)", missing.size(), holders, pairs, (System.nanoTime() - started) / 1e9,
                    originThreads, originRequestsAgain.get(), originMore.get(), originCapWaits.get()));
            log("%s", setup.get(setup.size() - 1));
        }

        /** Opens a terminal's channel (the Origin of the center's own pages, the session's cookie) and waits for the welcome. */
        void open(Terminal t) {
            try {
                HttpClient client = channels[t.index % channels.length];
                t.channel = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                        .header("Origin", base.getScheme() + "://" + base.getRawAuthority()).header("Cookie", t.http.cookieHeader())
                        .buildAsync(URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/terminal/channel"), t)
                        .get(30, TimeUnit.SECONDS);
                t.send(t.hello());
                t.welcomed.get(30, TimeUnit.SECONDS);
                // Heartbeats from the welcome on (the center drops a channel silent for 30 s), spread over the period.
                timers.scheduleAtFixedRate(t::heartbeat, ThreadLocalRandom.current().nextLong(heartbeat * 1000L),
                        heartbeat * 1000L, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("channel of terminal " + t.index + ": " + e, e);
            }
        }

        /** One run: {@code rate} requests a second for {@code length} seconds, then until every answer is in. */
        Run measureRun(String name, int number, int length) throws Exception {
            Run run = new Run(name, length);
            long sentBefore = framesSent.get();
            long receivedBefore = framesReceived.get();
            long serverCpuBefore = cpuTicks(serverPid);
            long clientCpuBefore = cpuTicks(ProcessHandle.current().pid());
            current = run;
            long start = System.nanoTime();
            long period = 1_000_000_000L / rate;
            long end = start + TimeUnit.SECONDS.toNanos(length);
            SplittableRandom random = new SplittableRandom(number * 7919L + 17);
            for (long k = 0; ; k++) {
                long at = start + k * period;
                if (at >= end) {
                    break;
                }
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Terminal receiver = null;
                for (int attempt = 0; attempt < 100 && receiver == null; attempt++) {
                    Terminal t = terminals[holders + random.nextInt(terminals.length - holders)];
                    if (t.claim()) {
                        receiver = t;
                    }
                }
                if (receiver == null) {
                    run.skipped.incrementAndGet();
                    continue;
                }
                receiver.request(contents.get(random.nextInt(contents.size())), run);
            }
            long elapsed = System.nanoTime() - start;
            run.windowSeconds = elapsed / 1e9;
            run.framesSent = framesSent.get() - sentBefore;
            run.framesReceived = framesReceived.get() - receivedBefore;
            run.serverCpu = (cpuTicks(serverPid) - serverCpuBefore) / (double) clockTicks / run.windowSeconds / cores;
            run.clientCpu = (cpuTicks(ProcessHandle.current().pid()) - clientCpuBefore) / (double) clockTicks / run.windowSeconds / cores;
            run.serverThreads = threads(serverPid);
            // Answers to the last requests, and the links' ends, before the next run.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && (busyTerminals() > 0 || !waiting.isEmpty())) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            current = null;
            if (number > 0) {
                run.heapUsed = heapUsedMiB();
                jcmd("GC.run");
                run.heapLive = heapUsedMiB();
            }
            Thread.sleep(2000);
            return run;
        }

        /** Requesters with a request or links under way, or whose request may still get a link (see {@link #LINGER}). */
        long busyTerminals() {
            long now = System.nanoTime();
            return Arrays.stream(terminals).filter(t -> t.busy.get() || t.lingering(now)).count();
        }

        /** Requests and links whose answer never came count as unanswered, and free their terminal. */
        void sweep() {
            long now = System.nanoTime();
            for (Terminal t : terminals) {
                Pending p = t.pending;
                if (p != null && now - p.sentAt() > ANSWER_TIMEOUT && t.answered(p)) {
                    p.run().unanswered.incrementAndGet();
                }
            }
            for (Map.Entry<String, Waiting> e : waiting.entrySet()) {
                Waiting w = e.getValue();
                if (now - w.linkAt() > ANSWER_TIMEOUT && waiting.remove(e.getKey(), w)) {
                    w.run().signalTimeouts.incrementAndGet();
                    w.receiver().endLink(e.getKey());
                }
            }
        }

        long heapUsedMiB() {
            Matcher m = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        }

        String jcmd(String command) {
            try {
                Process p = new ProcessBuilder("jcmd", String.valueOf(serverPid), command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(120, TimeUnit.SECONDS);
                return out;
            } catch (IOException | InterruptedException e) {
                return "";
            }
        }

        List<String> report(List<Run> runs) {
            List<String> out = new ArrayList<>();
            int nonHolders = terminals.length - holders;
            Matcher max = Pattern.compile("MaxHeapSize=(\\d+)").matcher(jcmd("VM.flags"));
            String maxHeap = max.find() ? (Long.parseLong(max.group(1)) >> 20) + " MiB" : "?";
            out.add(String.format("Broker benchmark, %s, code %s", Instant.now().truncatedTo(ChronoUnit.MINUTES), System.getProperty("code", "?")));
            out.add(String.format("%d terminals online (%d holders of all %d contents, %d requesters), heartbeats every %d s;"
                            + " %d requests/s (auto, have none) for %d s per run, %s after a %d s warm-up",
                    terminals.length, holders, contents.size(), nonHolders, heartbeat, rate, seconds,
                    runs.size() == 1 ? "1 run" : runs.size() + " runs", warmup));
            try {
                Path made = data.resolve("seed/made.txt");
                if (Files.exists(made)) {
                    out.add(Files.readString(made).strip());
                }
            } catch (IOException e) {
                // no seed timings to show
            }
            out.addAll(setup);
            out.add("server log of this start: " + serverLogSummary(serverLog));
            for (Run r : runs) {
                out.addAll(List.of(r.line().split("\\R")));
            }
            if (setupRun.failed()) {
                out.add("setup answers that were not expected: " + setupRun.problems());
            }
            out.add(String.format("median of %d run(s) (min-max): request->link p50 %s, p90 %s, p99 %s, max %s; signal relay p50 %s, p99 %s;"
                            + " links per request %s",
                    runs.size(), spreadMs(runs, r -> r.link.percentile(0.50)), spreadMs(runs, r -> r.link.percentile(0.90)),
                    spreadMs(runs, r -> r.link.percentile(0.99)), spreadMs(runs, r -> r.link.max()),
                    spreadMs(runs, r -> r.signal.percentile(0.50)), spreadMs(runs, r -> r.signal.percentile(0.99)),
                    spread(runs, Run::linksPerRequest, "%.2f")));
            out.add(String.format("  frames/s %s; server CPU %s of %d cores (client %s); heap used after run %s MiB, after GC %s MiB (max %s)",
                    spread(runs, Run::framesPerSecond, "%.0f"), spread(runs, r -> 100 * r.serverCpu, "%.0f %%"), cores,
                    spread(runs, r -> 100 * r.clientCpu, "%.0f %%"), spread(runs, r -> r.heapUsed, "%.0f"),
                    spread(runs, r -> r.heapLive, "%.0f"), maxHeap));
            double p99 = runs.stream().mapToDouble(r -> r.link.percentile(0.99)).max().orElse(Double.NaN) / 1e6;
            long live = runs.stream().mapToLong(r -> r.heapLive).max().orElse(-1);
            long used = runs.stream().mapToLong(r -> r.heapUsed).max().orElse(-1);
            out.add(String.format("targets: request->link p99 under 100 ms: %s (worst run %.1f ms); heap under 512 MiB: %s"
                            + " (live after GC at most %d MiB; used before the GC at most %d MiB)",
                    p99 < 100 ? "met" : "NOT met", p99, live >= 0 && live < 512 ? "met" : "NOT met", live, used));
            long problems = runs.stream().filter(Run::failed).count();
            out.add(problems == 0 && !setupRun.failed() ? "answers: every request got its link and every link its signal; no alert, no error"
                    : "FAILED: " + problems + " run(s) with alerts, errors or unanswered requests (see the runs above)");
            return out;
        }

        static String spreadMs(List<Run> runs, ToDoubleFunction<Run> nanos) {
            return spread(runs, r -> nanos.applyAsDouble(r) / 1e6, "%.1f ms");
        }

        static String spread(List<Run> runs, ToDoubleFunction<Run> value, String format) {
            double[] v = runs.stream().mapToDouble(value).sorted().toArray();
            if (v.length == 0) {
                return "-";
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            String m = String.format(format, median);
            return v.length == 1 ? m : m + " (" + String.format(format, v[0]) + "-" + String.format(format, v[v.length - 1]) + ")";
        }
    }

    /** A request on its way: sent at, for which content, counted in which run; how many links answered it. */
    record Pending(String content, long sentAt, Run run, AtomicInteger links) {
    }

    /** A receiver's p2p link waiting for the distributor's signal. */
    record Waiting(Terminal receiver, long linkAt, Run run) {
    }

    /** One terminal: its session, its channel, and what it does with each frame, as the browser's engine does. */
    static final class Terminal implements WebSocket.Listener {

        final Measurement m;
        final int index;
        final boolean holder;
        final Session http;
        final String serial;
        String media;
        volatile WebSocket channel;
        volatile String terminalId;
        final CompletableFuture<String> welcomed = new CompletableFuture<>();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private final StringBuilder partial = new StringBuilder();
        /** What its link looks like to the center: fixed per terminal, like a real line. */
        final long linkBytesPerSecond;
        final double cpuBase;
        final double operatingRate;
        /** Under way: a request of this requester, or its links until it ends them. */
        final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        /** The request waiting for its first link. */
        volatile Pending pending;
        /** The last request that got its first link: further links for its content count for it (while busy, and {@link #LINGER} after). */
        volatile Pending answeredRequest;
        /** When the requester was last freed (its request answered and every link of it ended). */
        volatile long freedAt = System.nanoTime() - LINGER;
        /** Links this terminal distributes on, and receives on (several at once for one request). */
        final Set<String> distributing = ConcurrentHashMap.newKeySet();
        final Set<String> receiving = ConcurrentHashMap.newKeySet();
        /** Contents whose reception its media completed (holders). */
        final Set<String> complete = ConcurrentHashMap.newKeySet();
        private long ramVersion;
        /** The origin reception of the setup under way (one content at a time), which takes that content's frames. */
        volatile OriginReception originReception;

        /** A content received from the origin in the setup, and the frames of it the channel brought (link, assign, settled, closed). */
        record OriginReception(String content, BlockingQueue<String> frames) {
        }

        Terminal(Measurement m, int index, boolean holder, Session http, String serial, String media) {
            this.m = m;
            this.index = index;
            this.holder = holder;
            this.http = http;
            this.serial = serial;
            this.media = media;
            SplittableRandom r = new SplittableRandom(index);
            // 100 kB/s to 10 MB/s, log-uniform; mostly idle processors; pages mostly in view.
            this.linkBytesPerSecond = Math.round(Math.pow(10, 5 + 2 * r.nextDouble()));
            this.cpuBase = 0.05 + 0.4 * r.nextDouble();
            this.operatingRate = 0.5 + 0.5 * r.nextDouble();
            this.ramVersion = ramVersion(new Json(media).string("ram"));
        }

        String hello() {
            StringBuilder held = new StringBuilder();
            for (Content c : m.contents) {
                if (complete.contains(c.id()) && channelClaimsHeld()) {
                    held.append(held.length() == 0 ? "" : ",").append("{\"id\":\"").append(c.id()).append("\",\"pieces\":\"").append(c.all()).append("\"}");
                }
            }
            return "{\"type\":\"hello\",\"equipment\":{\"cores\":" + (2 + index % 7) + ",\"userAgent\":\"LoadClient/1 (broker benchmark)\"},"
                    + "\"contents\":[" + held + "],\"comment\":\"bench terminal " + index + "\",\"uploadCap\":0}";
        }

        /** A holder still receiving from the origin says hello with nothing, so that no one is linked to it meanwhile. */
        private boolean channelClaimsHeld() {
            return complete.size() == m.contents.size();
        }

        void heartbeat() {
            if (terminalId == null) {
                return;
            }
            int transfers = distributing.size() + receiving.size();
            double cpu = Math.min(1, cpuBase + 0.05 * transfers + 0.05 * ThreadLocalRandom.current().nextDouble());
            send(String.format(java.util.Locale.ROOT, "{\"type\":\"heartbeat\",\"cpuLoad\":%.2f,\"linkBytesPerSecond\":%d,\"operatingRate\":%.2f,\"transfers\":%d}",
                    cpu, linkBytesPerSecond, operatingRate, transfers));
        }

        /** Frames leave one at a time (the WebSocket allows one send under way), in order. */
        synchronized void send(String text) {
            WebSocket ws = channel;
            m.framesSent.incrementAndGet();
            sending = sending.thenCompose(x -> ws.sendText(text, true)).exceptionally(e -> null);
        }

        volatile boolean closing;

        void close() {
            closing = true;
            WebSocket ws = channel;
            if (ws != null) {
                synchronized (this) {
                    sending = sending.thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")).exceptionally(e -> null);
                }
            }
        }

        /** Taken for a request not sent yet (nothing may free it meanwhile). */
        private boolean claimed;

        /** Takes an idle requester for a request: not while links of its last request may still come. */
        synchronized boolean claim() {
            claimed = !lingering(System.nanoTime()) && busy.compareAndSet(false, true);
            return claimed;
        }

        /** Freed less than {@link #LINGER} ago: a link of its last request may still come. */
        boolean lingering(long now) {
            return now - freedAt < LINGER;
        }

        void request(Content c, Run run) {
            synchronized (this) {
                claimed = false;
                answeredRequest = null; // links of the earlier request are late from now on
                pending = new Pending(c.id(), System.nanoTime(), run, new AtomicInteger());
            }
            run.requests.incrementAndGet();
            send("{\"type\":\"request\",\"content\":\"" + c.id() + "\",\"auto\":true,\"have\":\"" + c.none() + "\"}");
        }

        /** The request got its answer (or timed out): true for the one caller that takes it. */
        synchronized boolean answered(Pending p) {
            if (pending != p) {
                return false;
            }
            pending = null;
            freeIfIdle();
            return true;
        }

        /** Frees the requester once no request waits and none of its links is under way. */
        private synchronized void freeIfIdle() {
            if (pending == null && receiving.isEmpty() && !claimed && busy.get()) {
                freedAt = System.nanoTime();
                busy.set(false);
            }
        }

        /** The receiver ends its link (a paused transfer), as the page's Pause does. */
        void endLink(String link) {
            send("{\"type\":\"interrupted\",\"link\":\"" + link + "\",\"reason\":\"paused\"}");
            receiving.remove(link);
            freeIfIdle();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String frame;
            synchronized (partial) {
                partial.append(data);
                if (!last) {
                    ws.request(1);
                    return null;
                }
                frame = partial.toString();
                partial.setLength(0);
            }
            m.framesReceived.incrementAndGet();
            try {
                frame(frame, System.nanoTime());
            } catch (RuntimeException e) {
                m.setupRun.problem("client failed on " + frame + ": " + e);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) {
                m.framesReceived.incrementAndGet(); // relayed pieces: none expected here
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            if (!welcomed.isDone()) {
                welcomed.completeExceptionally(new IllegalStateException("closed by the center: " + code + " " + reason));
            } else if (!closing) {
                run().problem("channel of terminal " + index + " closed by the center: " + code + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            welcomed.completeExceptionally(error);
            if (!closing) {
                run().problem("channel of terminal " + index + " failed: " + error);
            }
        }

        Run run() {
            Run r = m.current;
            return r == null ? m.setupRun : r;
        }

        private void frame(String f, long now) {
            String type = field(f, "type");
            switch (type == null ? "" : type) {
                case "welcome" -> {
                    terminalId = field(f, "terminal");
                    welcomed.complete(terminalId);
                }
                case "link" -> link(f, now);
                case "assign" -> {
                    // What a link carries now: only the setup's origin receptions fetch by it; the runs' links end at once.
                    toOriginReception(f, field(f, "content"));
                }
                case "signal" -> signal(f, now);
                case "closed" -> closed(f);
                case "waiting" -> {
                    // Nobody can send now: the page would ask again in a few seconds; here the requester is free again.
                    Pending p = pending;
                    if (p != null && p.content().equals(field(f, "content")) && answered(p)) {
                        p.run().waited.incrementAndGet();
                    }
                }
                case "alert" -> {
                    Pending p = pending;
                    Run r = p == null ? run() : p.run();
                    r.alerts.incrementAndGet();
                    r.problem("alert: " + f);
                    if (p != null) {
                        answered(p);
                    }
                }
                case "error" -> {
                    run().errors.incrementAndGet();
                    run().problem("error: " + f);
                }
                case "settled" -> settled(f);
                case "holders", "relay" -> run().problem("unexpected " + type + ": " + f);
                default -> run().problem("unknown frame: " + f);
            }
        }

        private void link(String f, long now) {
            String link = field(f, "link");
            String content = field(f, "content");
            if ("distributor".equals(field(f, "role"))) {
                // The distributor answers the link with one WebRTC signal to the receiver.
                distributing.add(link);
                Run r = run();
                r.distributors.computeIfAbsent(terminalId, k -> new AtomicInteger()).incrementAndGet();
                r.mostAtOnce.accumulateAndGet(distributing.size(), Math::max);
                m.signalSentAt.put(link, System.nanoTime());
                send("{\"type\":\"signal\",\"link\":\"" + link + "\",\"data\":{\"description\":{\"type\":\"answer\",\"sdp\":\"x\"}}}");
                return;
            }
            if (toOriginReception(f, content)) {
                return;
            }
            Pending p;
            boolean first = false;
            synchronized (this) {
                // Taken as under way before the request counts as answered, so that the terminal is not handed another meanwhile.
                receiving.add(link);
                p = pending;
                if (p != null && p.content().equals(content) && answered(p)) {
                    first = true;
                    answeredRequest = p;
                } else {
                    // Another link for the request it already got one for (the center links several sources, and
                    // replaces those the receiver ends): under way again until this one ends too.
                    p = answeredRequest;
                    if (p != null && p.content().equals(content) && !claimed && (busy.get() || lingering(now))) {
                        busy.set(true);
                    } else {
                        p = null;
                    }
                }
            }
            if (p == null) {
                run().problem("a link nobody asked for (or after its request timed out or ended): " + f);
                endLink(link);
                return;
            }
            if (first) {
                p.run().link.add(now - p.sentAt());
            }
            p.run().mostLinks.accumulateAndGet(p.links().incrementAndGet(), Math::max);
            if ("origin".equals(field(f, "path"))) {
                // Nobody could send: the center would. A paused terminal fetches nothing.
                p.run().origin.incrementAndGet();
                endLink(link);
            } else {
                p.run().p2p.incrementAndGet();
                m.waiting.put(link, new Waiting(this, now, p.run()));
            }
        }

        private void closed(String f) {
            String link = field(f, "link");
            if (toOriginReception(f, field(f, "content")) || link == null) {
                return; // link == null: a request answered "completed" (it has every piece)
            }
            if (distributing.remove(link)) {
                return; // the receiver ended it: the distributor stops
            }
            if (receiving.remove(link)) {
                // The center ended a link before its signal came: for nothing to carry, a new request or a complete
                // reception that is its normal course; otherwise (the partner left, …) the link closed early.
                Waiting w = m.waiting.remove(link);
                if (!NORMAL_CLOSES.contains(field(f, "reason"))) {
                    (w == null ? run() : w.run()).closedEarly.incrementAndGet();
                }
                freeIfIdle();
            }
        }

        /** A frame of the setup's origin reception under way (same content): handed to it. */
        private boolean toOriginReception(String f, String content) {
            OriginReception r = originReception;
            if (r == null || !r.content().equals(content)) {
                return false;
            }
            r.frames().add(f);
            return true;
        }

        private void signal(String f, long now) {
            String link = field(f, "link");
            Waiting w = m.waiting.remove(link);
            Long sentAt = m.signalSentAt.remove(link);
            if (w == null) {
                run().problem("a signal for no link of ours: " + f);
                return;
            }
            if (sentAt != null) {
                w.run().signal.add(now - sentAt);
            }
            endLink(link);
        }

        private void settled(String f) {
            offerRam(field(f, "ram"));
            String content = field(f, "content");
            if ("receiver".equals(field(f, "role")) && field(f, "settledPieces") != null) {
                toOriginReception(f, content); // one of the setup (a late one of an earlier content is dropped)
            } else if (m.current != null) {
                run().problem("a settlement during a run: " + f);
            }
        }

        /** A newer RAM part of this terminal's media is kept (in the seed too): an older copy would be a rollback. */
        synchronized void offerRam(String ram) {
            if (ram == null) {
                return;
            }
            long v = ramVersion(ram);
            if (v > ramVersion) {
                ramVersion = v;
                media = withRam(media, ram);
                synchronized (Measurement.class) {
                    try {
                        Files.writeString(m.ramFile, index + "\t" + ram + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        /** Which contents this media received completely (its receptions, as the library shows them). */
        void learnReceptions() {
            String list = http.get("/api/terminal/receptions").text();
            Matcher r = Pattern.compile("\\{\"content\":\"([^\"]+)\"[^{}]*?\"complete\":(true|false)").matcher(list);
            while (r.find()) {
                if (r.group(2).equals("true")) {
                    complete.add(r.group(1));
                }
            }
        }

        /**
         * Receives every content it lacks from the center itself, as the page does when nobody holds
         * it. Each holder starts on another content: the origin sends a piece to one receiver at a
         * time (and not again for a few seconds), so holders on one content at once wait on each other.
         */
        void receiveMissingFromOrigin() {
            int n = m.contents.size();
            for (int k = 0; k < n; k++) {
                Content c = m.contents.get((index + k) % n);
                if (complete.contains(c.id())) {
                    continue;
                }
                OriginReception r = new OriginReception(c.id(), new LinkedBlockingQueue<>());
                originReception = r;
                try {
                    receiveFromOrigin(c, r.frames());
                    send("{\"type\":\"completed\",\"content\":\"" + c.id() + "\"}");
                    complete.add(c.id());
                } catch (Exception e) {
                    throw new IllegalStateException("origin reception of " + c.id() + " by terminal " + index + ": " + e, e);
                } finally {
                    originReception = null;
                }
            }
        }

        /**
         * One content from the origin, as ScriptedTerminal.receiveWholeFromOrigin: the request, then
         * the pieces the center asks of the origin link (its link frame, then an assign frame after
         * receipts), each fetched, checked and receipted, until every piece settled. When the center
         * has nothing to ask of the origin for now (it is sending those pieces to another holder, or
         * did moments ago) the link has nothing to fetch: {@code more}; a request that got no link
         * (or whose link closed) is sent again, with the pieces received so far.
         */
        private void receiveFromOrigin(Content c, BlockingQueue<String> frames) throws Exception {
            int n = c.pieces();
            boolean[] got = new boolean[n]; // fetched, checked and receipted
            int settled = 0;
            String link = null; // the origin link it receives on
            sendOriginRequest(c, got);
            long askedAt = System.nanoTime();
            long progressAt = askedAt;
            while (settled < n) {
                String f = frames.poll(200, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (f != null) {
                    String type = field(f, "type");
                    switch (type) {
                        case "link" -> {
                            if (!"origin".equals(field(f, "path"))) {
                                throw new IllegalStateException("expected an origin link: " + f);
                            }
                            link = field(f, "link");
                            progressAt = now;
                            if (!fetch(c, link, field(f, "pieces"), got)) {
                                link = null; // closed meanwhile: its closed frame follows
                            }
                            askedAt = System.nanoTime();
                        }
                        case "assign" -> {
                            if (link != null && link.equals(field(f, "link"))) {
                                progressAt = now;
                                if (!fetch(c, link, field(f, "pieces"), got)) {
                                    link = null;
                                }
                                askedAt = System.nanoTime();
                            }
                        }
                        case "settled" -> {
                            settled = Math.max(settled, Integer.parseInt(field(f, "settledPieces")));
                            progressAt = now;
                        }
                        case "closed" -> {
                            if (link != null && link.equals(field(f, "link"))) {
                                if (!NORMAL_CLOSES.contains(field(f, "reason"))) {
                                    throw new IllegalStateException("its origin link closed: " + f);
                                }
                                link = null; // idle: asked again below; completed: the settlement came before
                            }
                        }
                        default -> throw new IllegalStateException("unexpected " + f);
                    }
                    continue;
                }
                if (now - progressAt > SETUP_STUCK) {
                    throw new IllegalStateException("no progress within " + SETUP_STUCK / 1_000_000_000L + " s (" + settled + " of " + n
                            + " pieces settled, " + count(got) + " received, link " + link + ")");
                }
                if (now - askedAt < SETUP_QUIET || count(got) == n) {
                    continue; // answers may still come; with every piece receipted, the settlements do
                }
                if (link == null) {
                    m.originRequestsAgain.incrementAndGet();
                    sendOriginRequest(c, got);
                } else {
                    m.originMore.incrementAndGet();
                    send("{\"type\":\"more\",\"content\":\"" + c.id() + "\"}");
                }
                askedAt = now;
            }
        }

        private void sendOriginRequest(Content c, boolean[] got) {
            send("{\"type\":\"request\",\"content\":\"" + c.id() + "\",\"auto\":true,\"have\":\"" + bits(got) + "\"}");
        }

        /** Fetches, checks and receipts the pieces of the bitfield not received yet; false when the link is gone (404). */
        private boolean fetch(Content c, String link, String bitfield, boolean[] got) throws Exception {
            for (int i : pieces(c.pieces(), bitfield)) {
                if (got[i]) {
                    continue;
                }
                byte[] piece = originPiece(link, i);
                if (piece == null) {
                    return false;
                }
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(piece));
                if (!digest.equals(c.digests().get(i))) {
                    throw new IllegalStateException("origin piece " + i + " of " + c.id() + " fails its digest");
                }
                got[i] = true;
                boolean[] one = new boolean[c.pieces()];
                one[i] = true;
                send("{\"type\":\"receipt\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(one) + "\"}");
            }
            return true;
        }

        static int count(boolean[] b) {
            int n = 0;
            for (boolean x : b) {
                n += x ? 1 : 0;
            }
            return n;
        }

        /**
         * An origin piece the center asked of the link; null when the link is gone or no longer asks it (404).
         * A 429 means the origin is at its cap ({@code retryAfterMillis}) or wants receipts first: wait and ask again.
         */
        byte[] originPiece(String link, int index) throws InterruptedException {
            long deadline = System.nanoTime() + SETUP_STUCK;
            while (System.nanoTime() < deadline) {
                HttpResponse<byte[]> r = http.sendBytes(HttpRequest.newBuilder(base.resolve("/api/swarm/links/" + link + "/pieces/" + index))
                        .header("Accept", "application/octet-stream").GET());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (r.statusCode() == 404) {
                    return null;
                }
                String body = new String(r.body(), StandardCharsets.UTF_8);
                if (r.statusCode() != 429) {
                    throw new IllegalStateException("origin piece " + index + ": " + r.statusCode() + " " + body);
                }
                String wait = field(body, "retryAfterMillis");
                if (wait != null) {
                    m.originCapWaits.incrementAndGet();
                }
                Thread.sleep(wait == null ? 300 : Math.max(50, Long.parseLong(wait.strip())));
            }
            throw new IllegalStateException("origin piece " + index + " still refused after " + SETUP_STUCK / 1_000_000_000L + " s");
        }
    }

    /** The figures of one run. */
    static final class Run {

        final String name;
        final int length;
        final Samples link = new Samples();
        final Samples signal = new Samples();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong p2p = new AtomicLong();
        final AtomicLong origin = new AtomicLong();
        final AtomicLong alerts = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        /** Requests the center answered with `waiting`: every terminal that could send was busy, and the origin would not. */
        final AtomicLong waited = new AtomicLong();
        final AtomicLong signalTimeouts = new AtomicLong();
        final AtomicLong closedEarly = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final Map<String, AtomicInteger> distributors = new ConcurrentHashMap<>();
        /** The most links one distributor had open at once (the selection calls a terminal busy at 4, as its heartbeat reports them). */
        final AtomicInteger mostAtOnce = new AtomicInteger();
        /** The most links one request got (its first, then those for the same content while it was under way). */
        final AtomicInteger mostLinks = new AtomicInteger();
        private final List<String> problems = new ArrayList<>();
        private int problemCount;
        double windowSeconds;
        long framesSent;
        long framesReceived;
        double serverCpu;
        double clientCpu;
        int cores = Integer.getInteger("cores", 2);
        long heapUsed = -1;
        long heapLive = -1;
        int serverThreads;

        Run(String name, int length) {
            this.name = name;
            this.length = length;
        }

        synchronized void problem(String what) {
            problemCount++;
            if (problems.size() < 5) {
                problems.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
            }
        }

        synchronized String problems() {
            return problemCount + " " + problems;
        }

        synchronized boolean failed() {
            return alerts.get() + errors.get() + unanswered.get() + signalTimeouts.get() + closedEarly.get() > 0 || problemCount > 0;
        }

        double framesPerSecond() {
            return (framesSent + framesReceived) / windowSeconds;
        }

        /** Links (p2p and origin, the first of each request and the further ones) per request that got a link. */
        double linksPerRequest() {
            int answered = link.count();
            return answered == 0 ? Double.NaN : (p2p.get() + origin.get()) / (double) answered;
        }

        /** The run as three lines: what was asked and answered, the latencies, what it cost the server. */
        String line() {
            int top = distributors.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
            long links = p2p.get() + origin.get();
            String s = String.format(java.util.Locale.ROOT, "%s (%.1f s): %d requests (%.1f/s), %d links (p2p %d, origin %d;"
                            + " %.2f per request answered, at most %d for one); alerts %d, errors %d,"
                            + " unanswered %d, told to wait (every holder busy) %d, signal timeouts %d, links closed before their signal %d,"
                            + " requests not sent (no idle requester) %d",
                    name, windowSeconds, requests.get(), requests.get() / windowSeconds, links, p2p.get(), origin.get(), linksPerRequest(),
                    mostLinks.get(), alerts.get(), errors.get(), unanswered.get(), waited.get(), signalTimeouts.get(), closedEarly.get(),
                    skipped.get());
            s += String.format(java.util.Locale.ROOT, "%n  request->link p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; signal relay p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms (%d signals)",
                    link.percentile(0.5) / 1e6, link.percentile(0.9) / 1e6, link.percentile(0.99) / 1e6, link.max() / 1e6,
                    signal.percentile(0.5) / 1e6, signal.percentile(0.99) / 1e6, signal.max() / 1e6, signal.count());
            s += String.format(java.util.Locale.ROOT, "%n  frames/s %.0f (clients sent %.0f, received %.0f); server CPU %.0f %% of %d cores"
                            + " (client %.0f %%), %d server threads; %d distributors, the busiest got %.0f %% of the p2p links, at most %d at once on one",
                    framesPerSecond(), framesSent / windowSeconds, framesReceived / windowSeconds, 100 * serverCpu, cores, 100 * clientCpu,
                    serverThreads, distributors.size(), p2p.get() == 0 ? 0.0 : 100.0 * top / p2p.get(), mostAtOnce.get());
            if (heapUsed >= 0) {
                s += String.format("; heap used %d MiB, after GC %d MiB", heapUsed, heapLive);
            }
            if (problemCount > 0) {
                s += String.format("%n  problems: %s", problems());
            }
            return s;
        }
    }

    /** Latencies in nanoseconds; percentiles by nearest rank. */
    static final class Samples {

        private long[] values = new long[16_384];
        private int count;

        synchronized void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, 2 * count);
            }
            values[count++] = nanos;
        }

        synchronized int count() {
            return count;
        }

        synchronized double percentile(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * count) - 1)];
        }

        synchronized double max() {
            return count == 0 ? Double.NaN : Arrays.stream(values, 0, count).max().getAsLong();
        }
    }

    // ----------------------------------------------------------------------------------------
    // What terminals check and send

    /** A bitfield as terminals send it: base64url without padding, piece 0 the high bit of byte 0. */
    static String bits(int pieces, boolean all) {
        boolean[] b = new boolean[pieces];
        Arrays.fill(b, all);
        return bits(b);
    }

    static String bits(boolean[] pieces) {
        byte[] b = new byte[(pieces.length + 7) / 8];
        for (int i = 0; i < pieces.length; i++) {
            if (pieces[i]) {
                b[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The pieces a bitfield names, in order. */
    static int[] pieces(int pieceCount, String bitfield) {
        byte[] b = Base64.getUrlDecoder().decode(bitfield);
        return java.util.stream.IntStream.range(0, pieceCount).filter(i -> i / 8 < b.length && (b[i / 8] & (0x80 >> (i % 8))) != 0).toArray();
    }

    /** The center's public key, from its JWK (EC P-256). */
    static PublicKey centerKey(String jwk) throws Exception {
        Json k = new Json(jwk);
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(k.string("x"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(k.string("y"))));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
    }

    /** A manifest checked as the browser checks it (ES256 signature, type, subject, root, piece count); its piece digests. */
    static List<String> verifiedDigests(String jws, String contentId, PublicKey key, int pieceCount) throws Exception {
        String[] parts = jws.strip().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        if (!header.matches(".*\"alg\"\\s*:\\s*\"ES256\".*") || !header.matches(".*\"typ\"\\s*:\\s*\"cascade-manifest\\+jwt\".*")) {
            throw new IllegalStateException("manifest header " + header);
        }
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(key);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new IllegalStateException("manifest of " + contentId + ": signature fails");
        }
        Json payload = new Json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (!contentId.equals(payload.string("sub"))) {
            throw new IllegalStateException("manifest of another content: " + payload.text());
        }
        Matcher m = Pattern.compile("\"pieces\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(payload.text());
        if (!m.find()) {
            throw new IllegalStateException("manifest without pieces: " + payload.text());
        }
        List<String> digests = Arrays.stream(m.group(1).split(",")).map(d -> d.strip().replace("\"", "")).toList();
        MessageDigest root = MessageDigest.getInstance("SHA-256");
        digests.forEach(d -> root.update(HexFormat.of().parseHex(d)));
        if (digests.size() != pieceCount || !HexFormat.of().formatHex(root.digest()).equals(payload.string("root"))) {
            throw new IllegalStateException("manifest of " + contentId + ": root or piece count wrong");
        }
        return digests;
    }

    /** The version of a sealed RAM part (its JWS payload's ram.version). */
    static long ramVersion(String ram) {
        String payload = new String(Base64.getUrlDecoder().decode(ram.split("\\.")[1]), StandardCharsets.UTF_8);
        return new Json(payload).number("version");
    }

    /** The media file with another RAM part (as media-store.js's replaceRam). */
    static String withRam(String mediaFile, String ram) {
        Json f = new Json(mediaFile);
        return json("format", f.string("format"), "serial", f.string("serial"), "rom", f.string("rom"), "ram", ram);
    }

    /** A top-level field of a frame the center sent: a string or a number, as text (frames have no spaces, ids no escapes). */
    static String field(String frame, String name) {
        String key = "\"" + name + "\":";
        int i = frame.indexOf(key);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        if (frame.charAt(start) == '"') {
            int end = frame.indexOf('"', start + 1);
            return frame.substring(start + 1, end);
        }
        int end = start;
        while (end < frame.length() && ",}]".indexOf(frame.charAt(end)) < 0) {
            end++;
        }
        return frame.substring(start, end);
    }

    /** What the server's log says went wrong: Derby deadlocks (each one waited out the 20 s detection), warnings, errors. */
    static String serverLogSummary(Path log) {
        try {
            String text = Files.readString(log);
            int ready = text.indexOf("CWWKF0011I"); // the server is ready: what came before is start-up (schema DDL warnings)
            text = ready < 0 ? text : text.substring(ready);
            Set<String> victims = new java.util.HashSet<>();
            Matcher d = Pattern.compile("The selected victim is XID : (\\d+)").matcher(text);
            while (d.find()) {
                victims.add(d.group(1));
            }
            long lockTimeouts = Pattern.compile("A lock could not be obtained within the time requested").matcher(text).results().count();
            Map<String, Long> levels = new java.util.TreeMap<>();
            Matcher l = Pattern.compile("(?m)^\\[[^\\]]+\\] \\S+ \\S+\\s+([EWF]) (\\S+)").matcher(text);
            List<String> codes = new ArrayList<>();
            while (l.find()) {
                levels.merge(l.group(1), 1L, Long::sum);
                if (codes.size() < 6 && !codes.contains(l.group(2).replace(":", ""))) {
                    codes.add(l.group(2).replace(":", ""));
                }
            }
            return String.format("%d Derby deadlocks, %d lock timeouts, %d errors, %d warnings since the server was ready%s", victims.size(), lockTimeouts,
                    levels.getOrDefault("E", 0L) + levels.getOrDefault("F", 0L), levels.getOrDefault("W", 0L),
                    codes.isEmpty() ? "" : " (" + String.join(" ", codes) + ")");
        } catch (IOException e) {
            return "not readable (" + e.getMessage() + ")";
        }
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException e) {
            return 0;
        }
    }

    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).strip());
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ----------------------------------------------------------------------------------------
    // HTTP and JSON (as bench/top-page/Seed.java)

    /** Runs task(0..count-1) on a few threads, printing progress; the first failure stops everything. */
    static void parallel(String what, int count, int threads, IntConsumer task) throws InterruptedException {
        if (count == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon(what.replace(' ', '-')));
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        int step = Math.max(1, count / 10);
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.execute(() -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    task.accept(n);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException(what + " #" + n + ": " + e.getMessage(), e));
                    return;
                }
                int d = done.incrementAndGet();
                if (d % step == 0 || d == count) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log("%s %d/%d (%.0f s, %.1f/s)", what, d, count, seconds, d / seconds);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException(what + " did not finish within an hour");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** The operator's one-time password, printed once in the server log at the first start of a new database. */
    static String oneTimePassword(Path log) throws Exception {
        Matcher m = Pattern.compile("one-time password ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})").matcher(Files.readString(log));
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        if (found == null) {
            throw new IllegalStateException("no one-time password in " + log + ": the data directory is not new");
        }
        return found;
    }

    /** A small real PNG: thumbnails are decoded by the center, so random bytes would be refused. */
    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.ORANGE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An HTTP session of one person: its cookies (kept by hand, one client serves everybody) and its CSRF token. */
    static final class Session {

        private final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;

        static Session staff(String username, String password) {
            Session s = new Session();
            s.csrf = s.get("/api/session").string("csrfToken");
            s.csrf = s.post("/api/session", json("username", username, "password", password)).string("csrfToken");
            return s;
        }

        /** The operator opens a staff account; its holder signs in and replaces the one-time password. */
        static Session newStaff(Session operator, String path, String username) {
            String oneTime = operator.post(path, json("username", username, "displayName", username)).string("oneTimePassword");
            Session s = staff(username, oneTime);
            s.changePassword(oneTime, username + "-" + UUID.randomUUID());
            return s;
        }

        void changePassword(String current, String chosen) {
            post("/api/session/password", json("current", current, "chosen", chosen));
        }

        String upload(String purpose, String fileName, byte[] bytes) {
            String id = post("/api/uploads", json("purpose", purpose, "fileName", fileName, "size", bytes.length)).string("id");
            check(send(HttpRequest.newBuilder(base.resolve("/api/uploads/" + id)).header("Upload-Offset", "0")
                    .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))));
            return id;
        }

        Json get(String path) {
            return check(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET()));
        }

        Json post(String path, String body) {
            return check(send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            return exchange(request, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
            return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
            synchronized (this) {
                String cookie = cookieHeader();
                if (!cookie.isEmpty()) {
                    request.setHeader("Cookie", cookie);
                }
                if (csrf != null) {
                    request.setHeader("X-CSRF-Token", csrf);
                }
            }
            try {
                HttpResponse<T> r = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), body);
                r.headers().allValues("Set-Cookie").forEach(this::remember);
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static Json check(HttpResponse<String> r) {
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
            return new Json(r.body());
        }

        /** Keeps every cookie the server sets, dropping expired ones. */
        synchronized void remember(String setCookie) {
            String pair = setCookie.split(";", 2)[0].strip();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            String lower = setCookie.toLowerCase();
            if (value.isEmpty() || value.equals("\"\"") || lower.contains("max-age=0") || lower.contains("01 dec 1994")
                    || lower.contains("01-dec-1994")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }

        synchronized String cookieHeader() {
            StringBuilder s = new StringBuilder();
            cookies.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            return s.toString();
        }
    }

    /** A JSON object built from key/value pairs: strings quoted, numbers and booleans as they are. */
    static String json(Object... pairs) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(i == 0 ? "" : ",").append(quote((String) pairs[i])).append(':');
            s.append(pairs[i + 1] instanceof String v ? quote(v) : String.valueOf(pairs[i + 1]));
        }
        return s.append('}').toString();
    }

    static String quote(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    /** Just enough JSON reading for the answers used here: the first string or number field of that name. */
    record Json(String text) {

        String string(String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + text);
            }
            return unescape(m.group(1));
        }

        long number(String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + text);
            }
            return Long.parseLong(m.group(1));
        }

        private static String unescape(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
    }
}
