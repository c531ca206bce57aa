package org.cascade.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The center as tests reach it over HTTP: a JSON API client with its own session, and the
 * operator account, taken over once per test run the way a new operator does it — the one-time
 * password from the server log, then the forced change to a password of the test's choosing.
 */
public final class Center {

    private static final Pattern ONE_TIME = Pattern.compile(
            "operator account 'operator' was created with the one-time password ([0-9A-Z-]+)");
    private static String operatorPassword;
    private static boolean operatorWasForcedToChange;

    private final URI base;
    private final HttpClient http;
    private String csrf;

    public Center(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** The one-time passwords printed in the server log during this run (one per new database). */
    public static List<String> oneTimePasswordsInLog() throws IOException {
        Path log = Path.of(System.getProperty("cascade.server.log"));
        Matcher m = ONE_TIME.matcher(Files.readString(log, StandardCharsets.UTF_8));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The operator's password, after taking the account over from its one-time password if nobody has yet. */
    public static synchronized String operatorPassword(URL base) throws Exception {
        if (operatorPassword == null) {
            List<String> printed = oneTimePasswordsInLog();
            if (printed.size() != 1) {
                throw new IllegalStateException("expected one one-time password in the log of a fresh run, found " + printed.size());
            }
            Center center = new Center(base);
            center.signIn("operator", printed.get(0));
            // Before the change, nothing but the session calls is allowed.
            operatorWasForcedToChange = center.get("api/stores").statusCode() == 403;
            String chosen = "op-" + UUID.randomUUID();
            HttpResponse<String> changed = center.post("api/session/password",
                    Json.createObjectBuilder().add("current", printed.get(0)).add("chosen", chosen).build());
            if (changed.statusCode() != 204) {
                throw new IllegalStateException("could not change the operator's password: " + changed.body());
            }
            operatorPassword = chosen;
        }
        return operatorPassword;
    }

    public static synchronized boolean operatorWasForcedToChange() {
        return operatorWasForcedToChange;
    }

    public static Center asOperator(URL base) throws Exception {
        Center c = new Center(base);
        c.signIn("operator", operatorPassword(base));
        return c;
    }

    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("api/session", Json.createObjectBuilder().add("username", username).add("password", password).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.body());
        }
        csrf = json(r).getString("csrfToken");
        return r;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/octet-stream").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, JsonValue body) throws IOException, InterruptedException {
        if (csrf == null) {
            csrf = json(get("api/session")).getString("csrfToken");
        }
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page as a browser in {@code language} asks for it, in this client's session ({@code path} as a route names it or relative). */
    public HttpResponse<String> page(String path, String language) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(page(path)).header("Accept", "text/html")
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a page's form as a browser in {@code language} does, with this session's CSRF token. */
    public HttpResponse<String> form(String path, Map<String, String> fields, String language)
            throws IOException, InterruptedException {
        if (csrf == null) {
            csrf = json(get("api/session")).getString("csrfToken");
        }
        return form(path, fields, csrf, language);
    }

    /** Sends a page's form with the token given in its {@code _csrf} field (null: none at all). */
    public HttpResponse<String> form(String path, Map<String, String> fields, String token, String language)
            throws IOException, InterruptedException {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        if (token != null) {
            sent.put("_csrf", token);
        }
        String body = sent.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(page(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page's address: a route's path ({@code /holder/live}) is under the context root like a relative one. */
    private URI page(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .header("X-CSRF-Token", csrf).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The largest chunk the upload API takes in one request. */
    static final int UPLOAD_CHUNK = 16 * 1024 * 1024;

    /** Uploads bytes through the resumable upload API, in chunks as large as it takes; returns the upload id. */
    public String upload(byte[] data, String purpose, String fileName) throws IOException, InterruptedException {
        HttpResponse<String> begun = post("api/uploads", Json.createObjectBuilder().add("purpose", purpose)
                .add("fileName", fileName).add("size", data.length).build());
        if (begun.statusCode() / 100 != 2) {
            throw new IllegalStateException("upload refused: " + begun.body());
        }
        String id = json(begun).getString("id");
        int offset = 0;
        do {
            int n = Math.min(UPLOAD_CHUNK, data.length - offset);
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(base.resolve("api/uploads/" + id))
                    .header("Content-Type", "application/octet-stream").header("Upload-Offset", String.valueOf(offset))
                    .header("X-CSRF-Token", csrf).PUT(HttpRequest.BodyPublishers.ofByteArray(data, offset, n)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (sent.statusCode() != 200) {
                throw new IllegalStateException("chunk refused: " + sent.body());
            }
            offset += n;
        } while (offset < data.length);
        return id;
    }

    /** Opens the terminal channel in this client's session, as a page of the center would. */
    public Channel channel(String language) throws Exception {
        return Channel.open(http, base, base.getScheme() + "://" + base.getRawAuthority(), language);
    }

    /** Opens the terminal channel claiming another site's page as its origin. */
    public Channel channelFrom(String origin) throws Exception {
        return Channel.open(http, base, origin, null);
    }

    /** Signs in as a terminal user: redeems the store's code for the media file and inserts it; returns the serial. */
    public String insertMedia(String code, String password) throws IOException, InterruptedException {
        HttpResponse<String> redeemed = post("api/media/redemptions", Json.createObjectBuilder().add("code", code).build());
        if (redeemed.statusCode() != 200) {
            throw new IllegalStateException("code refused: " + redeemed.body());
        }
        HttpResponse<String> in = post("api/terminal/session", Json.createObjectBuilder()
                .add("media", json(redeemed).getString("media")).add("password", password).build());
        if (in.statusCode() != 200) {
            throw new IllegalStateException("media refused: " + in.body());
        }
        csrf = json(get("api/session")).getString("csrfToken");
        return json(in).getString("serial");
    }

    public static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Opens a store with one clerk whose password is already changed from the one-time one; returns the clerk's password. */
    public record Clerk(long storeId, String storeName, String username, String password) {
    }

    /**
     * As the operator, on a deployment with {@link SetClock}: moves the center's clock into a day
     * no earlier test settled, well inside it, and returns that day. The clock starts again from
     * the real time with each deployment while the database remembers the days settled, so a test
     * that settles "today" must first make sure today is still open. (The settlement test's own
     * days lie years ahead, out of the way.)
     */
    public java.time.LocalDate aDayNotSettled() throws Exception {
        URL url = base.toURL();
        java.time.LocalDateTime now = LivePages.centerNow(url);
        java.time.LocalDate latest = Json.createReader(new StringReader(get("api/settlement/runs").body())).readArray()
                .getValuesAs(JsonObject.class).stream().map(r -> java.time.LocalDate.parse(r.getString("day")))
                .filter(d -> d.isBefore(now.toLocalDate().plusYears(1))).max(java.time.LocalDate::compareTo)
                .orElse(java.time.LocalDate.MIN);
        if (!latest.isBefore(now.toLocalDate())) {
            LivePages.clockAhead(url, java.time.Duration.between(now, latest.plusDays(1).atTime(10, 0)));
        } else if (now.getHour() >= 22) {
            LivePages.clockAhead(url, java.time.Duration.ofHours(3));
        }
        return LivePages.centerNow(url).toLocalDate();
    }

    public Clerk openStoreWithClerk(String label) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> store = post("api/stores", Json.createObjectBuilder().add("name", label + " " + suffix).build());
        long storeId = json(store).getJsonNumber("id").longValue();
        String username = "clerk-" + suffix;
        HttpResponse<String> clerk = post("api/stores/" + storeId + "/clerks",
                Json.createObjectBuilder().add("username", username).add("displayName", "Clerk " + suffix).build());
        String oneTime = json(clerk).getString("oneTimePassword");
        Center asClerk = new Center(base.toURL());
        asClerk.signIn(username, oneTime);
        String chosen = "clerk-" + UUID.randomUUID();
        HttpResponse<String> changed = asClerk.post("api/session/password",
                Json.createObjectBuilder().add("current", oneTime).add("chosen", chosen).build());
        if (changed.statusCode() != 204) {
            throw new IllegalStateException(changed.body());
        }
        return new Clerk(storeId, label + " " + suffix, username, chosen);
    }
}
