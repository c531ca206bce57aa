import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Seeds the top-page benchmark through the public JSON API only, the way real people would:
 * the operator takes the center over, opens a store, a clerk and holders; holders upload and
 * register contents; the clerk sells storage media; every user inserts their media (signs in)
 * in a session of its own, whose cookies become the load generator's users.
 *
 * <p>Usage: {@code java Seed.java data|sessions <base-url> <data-dir> <server-log>}; counts come
 * from the system properties {@code contents} and {@code users} (defaults 10000 and 1000).
 * {@code data} makes the contents and media (once per data directory, marked by {@code
 * seed/done}); {@code sessions} signs every user in and writes {@code cookies.txt}: run it on a
 * freshly started server, since sessions do not survive a restart.
 */
public class Seed {

    static final String[] GENRES = {"MUSIC", "MOVIE", "ANIME", "DRAMA", "DOCUMENTARY", "LECTURE", "GAME", "BOOK", "SPORTS", "OTHER"};
    static final String[] TYPES = {"audio/mpeg", "video/mp4", "video/mp4", "video/mp4", "video/mp4",
            "application/pdf", "application/octet-stream", "application/epub+zip", "video/mp4", "application/octet-stream"};
    /** Name words: a search for one adjective matches 1 content in 20, independent of the genre (index i/10, not i). */
    static final String[] ADJECTIVES = {"Amber", "Bright", "Calm", "Distant", "Early", "Frozen", "Golden", "Hidden", "Idle",
            "Jolly", "Kind", "Lost", "Misty", "Noble", "Old", "Pale", "Quiet", "Rapid", "Silent", "Tender"};
    static final String[] NOUNS = {"River", "Harbor", "Garden", "Signal", "Valley", "Lantern", "Meadow", "Engine", "Voyage",
            "Orchard", "Bridge", "Canyon", "Forest", "Island", "Mirror"};
    static final int HOLDERS = 10;
    static final int CONTENT_CLIENTS = 4;
    /** Sign-ins hash a password with PBKDF2: one client per core. */
    static final int PASSWORD_CLIENTS = 2;
    /** Media sales: one clerk session, two requests at a time. */
    static final int SALE_CLIENTS = 2;

    static URI base;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) {
        // Reported here: the source launcher hides the cause of an exception thrown out of main.
        try {
            run(args[0], URI.create(args[1]), Path.of(args[2]), Path.of(args[3]));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String mode, URI url, Path data, Path log) throws Exception {
        base = url;
        int contents = Integer.getInteger("contents", 10_000);
        int users = Integer.getInteger("users", 1_000);
        Path seed = data.resolve("seed");
        Files.createDirectories(seed);
        long started = System.nanoTime();
        if (mode.equals("data")) {
            seedData(seed, log, contents, users);
        } else {
            List<String> media = Files.readAllLines(seed.resolve("users.tsv"));
            String[] cookies = new String[media.size()];
            parallel("sign-ins", media.size(), PASSWORD_CLIENTS, u -> cookies[u] = signIn(u, media.get(u)));
            waitUntilListed(cookies[0], contents);
            Files.write(data.resolve("cookies.txt"), List.of(cookies));
        }
        System.out.printf("seed: %s done in %d s%n", mode, (System.nanoTime() - started) / 1_000_000_000);
    }

    static void seedData(Path seed, Path log, int contents, int users) throws Exception {
        String operatorPassword = oneTimePassword(log);
        Session operator = Session.staff("operator", operatorPassword);
        operator.changePassword(operatorPassword, "op-" + UUID.randomUUID());
        long store = operator.post("/api/stores", json("name", "Bench store", "address", "Loopback 1")).number("id");
        Session clerk = Session.newStaff(operator, "/api/stores/" + store + "/clerks", "bench-clerk");
        List<Session> holders = new ArrayList<>();
        for (int h = 0; h < HOLDERS; h++) {
            holders.add(Session.newStaff(operator, "/api/holders", "bench-holder-" + h));
        }
        byte[] png = png();
        parallel("contents", contents, CONTENT_CLIENTS, i -> register(holders.get(i % HOLDERS), i, png));

        // Request keys are the ledger's idempotency keys: unique per seeding, so a sale is never a replay.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] lines = new String[users];
        parallel("media sales", users, SALE_CLIENTS, u -> {
            long amount = 100 + new SplittableRandom(u).nextInt(5901);
            Json sale = clerk.post("/api/store/sales", json("amount", amount, "password", password(u),
                    "requestKey", "bench-" + run + "-" + u));
            lines[u] = password(u) + "\t" + Base64.getEncoder().encodeToString(sale.string("media").getBytes(StandardCharsets.UTF_8));
        });
        Files.write(seed.resolve("users.tsv"), List.of(lines));
        Files.writeString(seed.resolve("done"), "contents=" + contents + " users=" + users + "\n");
    }

    static String password(int user) {
        return "bench-user-password-" + user;
    }

    /** One content: its file and thumbnail through the resumable upload API, then the registration. */
    static void register(Session holder, int i, byte[] png) {
        SplittableRandom random = new SplittableRandom(i);
        byte[] file = new byte[2048 + random.nextInt(14 * 1024 + 1)];
        random.nextBytes(file);
        String genre = GENRES[i % GENRES.length];
        String name = ADJECTIVES[(i / 10) % ADJECTIVES.length] + " " + NOUNS[(i / 200) % NOUNS.length] + " " + i;
        String fileUpload = holder.upload("CONTENT", "content-" + i + ".bin", file);
        String thumbnailUpload = holder.upload("IMAGE", "thumbnail-" + i + ".png", png);
        holder.post("/api/contents", json("name", name, "summary", "A " + genre.toLowerCase() + " title for the benchmark, number " + i + ".",
                "genre", genre, "unitCost", random.nextInt(3001), "writerName", "Writer " + (i % 50),
                "writerPayoutAccount", "BANK-0001-" + (100000 + i % 50), "redistributionAllowed", true,
                "redistributorSharePercent", 10, "previewBytes", 0, "fileName", "content-" + i + ".bin",
                "mediaType", TYPES[i % TYPES.length], "fileUpload", fileUpload, "thumbnailUpload", thumbnailUpload));
    }

    /**
     * Inserts a user's media in a fresh session and returns that session's Cookie header. Every
     * other user also likes two genres (set through the top page's own form), so that the list
     * runs both as one segment and as the liked / not-liked segments.
     */
    static String signIn(int u, String line) {
        String[] parts = line.split("\t");
        Session user = new Session();
        user.csrf = user.get("/api/session").string("csrfToken");
        user.post("/api/terminal/session", json("media", new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8),
                "password", parts[0]));
        if (u % 2 == 0) {
            String form = "liked=" + GENRES[u % 10] + "&liked=" + GENRES[(u + 3) % 10] + "&sort=NEWEST&pageSize=20&_csrf="
                    + URLEncoder.encode(user.csrf, StandardCharsets.UTF_8);
            HttpResponse<String> r = user.send(HttpRequest.newBuilder(base.resolve("/terminal/conditions"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/terminal/home")) {
                throw new IllegalStateException("display conditions of user " + u + " not saved: " + r.statusCode());
            }
        }
        return user.cookieHeader();
    }

    /** Contents are listed once the center has hashed them and signed their manifest, in the background. */
    static void waitUntilListed(String cookie, int expected) throws InterruptedException {
        Session user = new Session();
        for (String pair : cookie.split("; ")) {
            user.remember(pair);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (true) {
            long total = user.get("/api/contents").number("total");
            System.out.println("seed: " + total + " of " + expected + " contents listed");
            if (total >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("contents still not all listed after 15 minutes");
            }
            Thread.sleep(5_000);
        }
    }

    /** Runs task(0..count-1) on a few threads, printing progress; the first failure stops everything. */
    static void parallel(String what, int count, int threads, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        int step = Math.max(1, count / 20);
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
                    System.out.printf("seed: %s %d/%d (%.0f s, %.1f/s)%n", what, d, count, seconds, d / seconds);
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
            s.signIn(username, password);
            return s;
        }

        /** The operator opens a staff account; its holder signs in and replaces the one-time password. */
        static Session newStaff(Session operator, String path, String username) {
            String oneTime = operator.post(path, json("username", username, "displayName", username)).string("oneTimePassword");
            Session s = staff(username, oneTime);
            s.changePassword(oneTime, username + "-" + UUID.randomUUID());
            return s;
        }

        private void signIn(String username, String password) {
            csrf = check(exchange(HttpRequest.newBuilder(base.resolve("/api/session")).GET())).string("csrfToken");
            csrf = check(exchange(HttpRequest.newBuilder(base.resolve("/api/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json("username", username, "password", password))))).string("csrfToken");
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
            return exchange(request);
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request) {
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
                HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
                r.headers().allValues("Set-Cookie").forEach(this::remember);
                return r;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
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

        /** Keeps every cookie the server sets (the session, and Jakarta Security's SSO cookie), dropping expired ones. */
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

    /** Just enough JSON reading for the answers used here: a top-level string or number field. */
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
