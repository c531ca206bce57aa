package org.cascade.catalog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A holder's uploads over HTTP, as a browser or a program sends them: a file far larger than the
 * server's heap streams to disk intact; a chunk cut off midway is resumed by a new session from
 * the offset the center reports; refusals say what to do and write nothing; and the browser
 * module resumes after losing a response or the network.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadIT {

    private static final int MiB = 1 << 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void aFileTwiceTheServersHeapStreamsToDiskIntact() throws Exception {
        Session holder = newHolder();
        long size = 1280L * MiB;
        JsonObject begun = holder.begin("CONTENT", "concert.mp4", size);
        String id = begun.getString("id");
        int chunk = begun.getInt("chunk");
        assertEquals(8 * MiB, chunk);

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        long started = System.nanoTime();
        long offset = 0;
        JsonObject last = null;
        while (offset < size) {
            long length = Math.min(chunk, size - offset);
            InputStream part = new DigestInputStream(new Content(1, offset, length), sent);
            HttpResponse<String> r = holder.put(id, offset, BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> part), length));
            assertEquals(200, r.statusCode(), r.body());
            last = json(r);
            assertEquals(offset + length, last.getJsonNumber("offset").longValue());
            offset += length;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("UploadIT: 1,280 MiB in %d chunks took %.1f s (%.0f MiB/s)%n", size / chunk, seconds, 1280 / seconds);

        assertTrue(last.getBoolean("complete"));
        JsonObject status = json(holder.get("api/uploads/" + id));
        assertEquals(size, status.getJsonNumber("offset").longValue());
        assertTrue(status.getBoolean("complete"));
        Path stored = storedFile(id);
        assertEquals(size, Files.size(stored));
        assertEquals(hex(sent.digest()), sha256(stored), "the file on disk is the file sent");
        assertFalse(serverLog().contains("OutOfMemoryError"), "the server (-Xmx640m) never ran out of heap");

        assertEquals(204, holder.delete("api/uploads/" + id).statusCode());
        assertFalse(Files.exists(stored), "cancelling removes the file");
        assertEquals(404, holder.get("api/uploads/" + id).statusCode());
    }

    @Test
    void aChunkReachesTheDiskWhileItIsStillArriving() throws Exception {
        Session holder = newHolder();
        String id = holder.begin("CONTENT", "slow.bin", 4 * MiB).getString("id");
        CountDownLatch resume = new CountDownLatch(1);
        InputStream stalling = new InputStream() {
            private final InputStream first = new Content(2, 0, MiB);
            private final InputStream rest = new Content(2, MiB, 3 * MiB);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = first.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return rest.read(b, off, len);
            }
        };
        CompletableFuture<HttpResponse<String>> pending = holder.putAsync(id, 0,
                BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> stalling), 4 * MiB));
        try {
            // Had the server buffered the request first, nothing would be on disk before the body ended.
            Browsers.eventually("half of the first MiB on disk before the body ended", Duration.ofSeconds(15),
                    () -> lengthOnDisk(id) >= MiB / 2);
            // Not quite all of the first MiB: the last bytes may wait in the client's or the server's buffers.
            long early = lengthOnDisk(id);
            assertTrue(early >= MiB / 2 && early <= MiB, "most of the first MiB is on disk while the rest is still to come: " + early);
            assertEquals(0, json(holder.get("api/uploads/" + id)).getJsonNumber("offset").longValue(),
                    "counted only once the chunk is whole");
        } finally {
            resume.countDown();
        }
        HttpResponse<String> done = pending.get(30, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(4 * MiB, json(done).getJsonNumber("offset").longValue());
        assertEquals(Content.sha256(2, 4 * MiB), sha256(storedFile(id)));
    }

    @Test
    void anUploadCutOffMidChunkResumesInANewSessionFromTheOffsetTheCenterReports() throws Exception {
        Session first = newHolder();
        long size = 24L * MiB;
        JsonObject begun = first.begin("CONTENT", "lecture.mkv", size);
        String id = begun.getString("id");
        int chunk = begun.getInt("chunk");
        assertEquals(200, first.put(id, 0, Content.publisher(3, 0, chunk)).statusCode());

        // The second chunk announces 8 MiB but the line drops after 3 MiB.
        long started = System.nanoTime();
        BodyPublisher cut = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new Content(3, chunk, 3 * MiB)), chunk);
        assertThrows(IOException.class, () -> first.put(id, chunk, cut));

        // The browser is gone; the holder comes back in a new session and asks where the upload stands.
        Session again = first.signInAgain();
        long reported = json(again.get("api/uploads/" + id)).getJsonNumber("offset").longValue();
        assertTrue(reported >= chunk && reported <= chunk + 3L * MiB, "the first chunk is kept, nothing invented: " + reported);
        long resent = 0;
        int conflicts = 0;
        long offset = reported;
        while (offset < size) {
            long length = Math.min(chunk, size - offset);
            HttpResponse<String> r = again.put(id, offset, Content.publisher(3, offset, length));
            if (r.statusCode() == 409) {
                // The cut-off chunk may still be being counted: the answer names the offset, as GET does.
                assertTrue(++conflicts <= 3, r.body());
                offset = json(again.get("api/uploads/" + id)).getJsonNumber("offset").longValue();
                continue;
            }
            assertEquals(200, r.statusCode(), r.body());
            resent += length;
            offset = json(r).getJsonNumber("offset").longValue();
        }
        System.out.printf("UploadIT: cut off at %d bytes, resumed from %d, %d bytes sent again; %.1f s%n",
                chunk + 3L * MiB, reported, resent, (System.nanoTime() - started) / 1e9);
        assertTrue(resent <= size - chunk, "the first chunk was not sent again");
        assertTrue(json(again.get("api/uploads/" + id)).getBoolean("complete"));
        assertEquals(Content.sha256(3, size), sha256(storedFile(id)), "the resumed file is the file");
    }

    @Test
    void refusalsSayWhatToDoAndWriteNothing() throws Exception {
        Session holder = newHolder();
        JsonObject begun = holder.begin("CONTENT", "../../keys/media-signing.jwk", 1000);
        String id = begun.getString("id");
        assertEquals("media-signing.jwk", begun.getString("fileName"), "only the last path element is kept");
        assertEquals(200, holder.put(id, 0, BodyPublishers.ofByteArray(new byte[600])).statusCode());

        // A chunk sent twice (its answer was lost) does not continue the upload: 409 naming the offset.
        HttpResponse<String> repeated = holder.put(id, 0, BodyPublishers.ofByteArray(new byte[600]));
        assertEquals(409, repeated.statusCode());
        JsonObject conflict = json(repeated);
        assertEquals("upload.offset", conflict.getString("reason"));
        assertEquals(600, conflict.getInt("offset"));
        assertEquals("This part does not continue the upload: it must start at byte 600.", conflict.getString("message"));

        // Past the declared size: refused whether announced (Content-Length) or streamed (chunked).
        HttpResponse<String> announced = holder.put(id, 600, BodyPublishers.ofByteArray(new byte[401]));
        assertEquals(413, announced.statusCode());
        assertEquals("upload.tooLong", json(announced).getString("reason"));
        assertTrue(json(announced).getString("message").contains("at most 400 more bytes"), announced.body());
        HttpResponse<String> streamed = holder.put(id, 600, BodyPublishers.ofInputStream(() -> new Content(4, 0, 100_000)));
        assertEquals(413, streamed.statusCode(), streamed.body());
        assertEquals(600, json(holder.get("api/uploads/" + id)).getInt("offset"));
        assertEquals(600, lengthOnDisk(id), "nothing beyond the declared size was kept");

        // More than one request may carry.
        HttpResponse<String> huge = holder.put(id, 600, BodyPublishers.ofByteArray(new byte[16 * MiB + 1]));
        assertEquals(413, huge.statusCode());
        assertEquals("upload.chunk", json(huge).getString("reason"));

        // Without saying where it goes.
        HttpResponse<String> nowhere = holder.send(HttpRequest.newBuilder(holder.uri("api/uploads/" + id))
                .header("Content-Type", "application/octet-stream").header("X-CSRF-Token", holder.csrf)
                .PUT(BodyPublishers.ofByteArray(new byte[400])).build());
        assertEquals(400, nowhere.statusCode(), nowhere.body());

        // Without the session's CSRF token.
        HttpResponse<String> forged = holder.send(HttpRequest.newBuilder(holder.uri("api/uploads/" + id))
                .header("Content-Type", "application/octet-stream").header("Upload-Offset", "600")
                .PUT(BodyPublishers.ofByteArray(new byte[400])).build());
        assertEquals(403, forged.statusCode());
        assertEquals("api.csrf", json(forged).getString("reason"));

        // Another holder cannot tell the upload exists.
        Session other = newHolder();
        assertEquals(404, other.get("api/uploads/" + id).statusCode());
        assertEquals(404, other.put(id, 600, BodyPublishers.ofByteArray(new byte[400])).statusCode());
        assertEquals(404, other.delete("api/uploads/" + id).statusCode());
        assertEquals("There is no such upload, or it has expired.", json(other.get("api/uploads/" + id)).getString("message"));
        assertEquals(600, lengthOnDisk(id));

        // Nor may anyone but a holder upload.
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Uploads");
        Session asClerk = new Session(clerk.username(), clerk.password());
        assertEquals(403, asClerk.post("api/uploads", upload("CONTENT", "x.bin", 10)).statusCode());

        // Sizes the center does not take.
        HttpResponse<String> overCap = holder.post("api/uploads", upload("CONTENT", "huge.iso", (4L << 30) + 1));
        assertEquals(422, overCap.statusCode());
        assertEquals("upload.size", json(overCap).getString("reason"));
        assertEquals("The file must not be empty nor larger than 4 GiB.", json(overCap).getString("message"));
        HttpResponse<String> bigImage = holder.post("api/uploads", upload("IMAGE", "poster.png", 3L * MiB));
        assertEquals(422, bigImage.statusCode());
        assertTrue(json(bigImage).getString("message").contains("2 MiB"), bigImage.body());
        HttpResponse<String> japanese = holder.send(holder.jsonRequest("api/uploads", upload("IMAGE", "poster.png", 0))
                .header("Accept-Language", "ja").build());
        assertEquals(422, japanese.statusCode());
        assertEquals("ファイルは空でなく、2 MiB 以下である必要があります。", json(japanese).getString("message"));
        assertEquals(400, holder.post("api/uploads", Json.createObjectBuilder().add("purpose", "VIRUS")
                .add("fileName", "x").add("size", 1).build()).statusCode());

        // The rest completes it; nothing more is taken after that.
        HttpResponse<String> rest = holder.put(id, 600, BodyPublishers.ofByteArray(new byte[400]));
        assertEquals(200, rest.statusCode(), rest.body());
        assertTrue(json(rest).getBoolean("complete"));
        assertEquals(413, holder.put(id, 1000, BodyPublishers.ofByteArray(new byte[1])).statusCode());
        assertEquals(1000, lengthOnDisk(id));
        assertEquals(204, holder.delete("api/uploads/" + id).statusCode());
        assertEquals(-1, lengthOnDisk(id));
        assertEquals(404, holder.delete("api/uploads/" + id).statusCode());
    }

    @Test
    void theBrowserModuleResumesAfterALostAnswerAndADroppedLine() throws Exception {
        Session holder = newHolder();
        WebDriver browser = Browsers.open();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        try {
            browser.get(base + "signin");
            Browsers.type(browser, By.id("username"), holder.username);
            Browsers.type(browser, By.id("password"), holder.password);
            Browsers.clickForNewPage(browser, By.id("signin"));
            Browsers.waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
            browser.get(base + "holder");

            // 20 MiB of random bytes: three slices. The second slice reaches the center but its answer
            // is lost; the third fails once before leaving the browser. Both are network errors to the module.
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                      const size = 20 * 1024 * 1024;
                      const bytes = new Uint8Array(size);
                      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
                      const file = new File([bytes], 'clip.webm', { type: 'video/webm' });
                      const calls = [];
                      const realFetch = window.fetch;
                      let puts = 0;
                      window.fetch = async (url, init) => {
                        const call = init.method + ' ' + (init.headers['Upload-Offset'] ?? '');
                        calls.push(call.trim());
                        if (init.method === 'PUT') {
                          puts++;
                          if (puts === 2) { await realFetch(url, init); throw new TypeError('Failed to fetch'); }
                          if (puts === 3) throw new TypeError('Failed to fetch');
                        }
                        return realFetch(url, init);
                      };
                      const progress = [];
                      const { upload } = await import(document.documentElement.dataset.context + '/js/catalog/upload.js');
                      const id = await upload(file, 'CONTENT', { onProgress: (sent, total) => progress.push(sent) });
                      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
                      const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
                      return { id, hex, calls, progress };
                    })().then(done, (e) => done({ error: String(e) + ' ' + JSON.stringify(e.body ?? null) }));
                    """);
            assertFalse(result.containsKey("error"), String.valueOf(result.get("error")));
            String id = (String) result.get("id");
            int m8 = 8 * MiB;
            assertEquals(List.of("POST", "PUT 0", "PUT " + m8, "GET", "PUT " + 2 * m8, "GET", "PUT " + 2 * m8),
                    result.get("calls"), "resumed from the center's offset, not from the last slice it sent");
            @SuppressWarnings("unchecked")
            List<Number> progress = (List<Number>) result.get("progress");
            assertEquals(20L * MiB, progress.get(progress.size() - 1).longValue());
            assertEquals(result.get("hex"), sha256(storedFile(id)));
            assertTrue(json(holder.get("api/uploads/" + id)).getBoolean("complete"));
        } finally {
            browser.quit();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    private static JsonObject upload(String purpose, String fileName, long size) {
        return Json.createObjectBuilder().add("purpose", purpose).add("fileName", fileName).add("size", size).build();
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Center.json(r);
    }

    private static Path storedFile(String id) {
        return Path.of(System.getProperty("cascade.data.dir"), "uploads", id + ".part");
    }

    private static long lengthOnDisk(String id) throws IOException {
        Path file = storedFile(id);
        return Files.exists(file) ? Files.size(file) : -1;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(d.digest());
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("cascade.server.log")), StandardCharsets.UTF_8);
    }

    /** A new contents holder, opened by the operator, signed in with the one-time password changed. */
    private Session newHolder() throws Exception {
        String username = "h-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = Center.asOperator(base).post("api/holders",
                Json.createObjectBuilder().add("username", username).add("displayName", "Holder " + username).build());
        assertEquals(200, opened.statusCode(), opened.body());
        String oneTime = json(opened).getString("oneTimePassword");
        Session holder = new Session(username, oneTime);
        String chosen = "pw-" + UUID.randomUUID();
        HttpResponse<String> changed = holder.post("api/session/password",
                Json.createObjectBuilder().add("current", oneTime).add("chosen", chosen).build());
        assertEquals(204, changed.statusCode(), changed.body());
        return new Session(username, chosen);
    }

    /**
     * A staff member's own HTTP session. HTTP/1.1 as browsers send uploads, so that a body that
     * ends early drops the connection the way a cut line does.
     */
    private final class Session {
        final String username;
        final String password;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String csrf;

        Session(String username, String password) throws Exception {
            this.username = username;
            this.password = password;
            csrf = json(get("api/session")).getString("csrfToken");
            HttpResponse<String> r = send(jsonRequest("api/session",
                    Json.createObjectBuilder().add("username", username).add("password", password).build()).build());
            assertEquals(200, r.statusCode(), r.body());
            csrf = json(r).getString("csrfToken");
        }

        Session signInAgain() throws Exception {
            return new Session(username, password);
        }

        URI uri(String path) {
            return URI.create(base + path);
        }

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder jsonRequest(String path, JsonValue body) {
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-Token", csrf).POST(BodyPublishers.ofString(body.toString()));
        }

        HttpResponse<String> post(String path, JsonValue body) throws IOException, InterruptedException {
            return send(jsonRequest(path, body).build());
        }

        JsonObject begin(String purpose, String fileName, long size) throws IOException, InterruptedException {
            HttpResponse<String> r = post("api/uploads", upload(purpose, fileName, size));
            assertEquals(201, r.statusCode(), r.body());
            JsonObject begun = json(r);
            assertEquals(0, begun.getInt("offset"));
            assertEquals(size, begun.getJsonNumber("size").longValue());
            assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/uploads/" + begun.getString("id")));
            return begun;
        }

        private HttpRequest chunk(String id, long offset, BodyPublisher body) {
            return HttpRequest.newBuilder(uri("api/uploads/" + id)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                    .header("X-CSRF-Token", csrf).header("Upload-Offset", Long.toString(offset)).PUT(body).build();
        }

        HttpResponse<String> put(String id, long offset, BodyPublisher body) throws IOException, InterruptedException {
            return send(chunk(id, offset, body));
        }

        CompletableFuture<HttpResponse<String>> putAsync(String id, long offset, BodyPublisher body) {
            return http.sendAsync(chunk(id, offset, body), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
        }

        HttpResponse<String> delete(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                    .header("X-CSRF-Token", csrf).DELETE().build());
        }
    }

    /**
     * Bytes that are a function of their position (SplitMix64 of the 8-byte word index), so that
     * any range can be generated again to resume, and a file of any size costs no memory.
     */
    static final class Content extends InputStream {
        private final long seed;
        private long position;
        private final long end;
        private long word;

        Content(long seed, long from, long length) {
            this.seed = seed;
            this.position = from;
            this.end = from + length;
            this.word = mix(seed + (from >>> 3));
        }

        /** A body of {@code length} bytes from {@code from}, generated afresh each time the client reads it. */
        static BodyPublisher publisher(long seed, long from, long length) {
            return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new Content(seed, from, length)), length);
        }

        static String sha256(long seed, long size) throws Exception {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new Content(seed, 0, size), d)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return hex(d.digest());
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            for (int i = 0; i < n; i++) {
                int shift = (int) (position & 7);
                if (shift == 0) {
                    word = mix(seed + (position >>> 3));
                }
                b[off + i] = (byte) (word >>> (shift * 8));
                position++;
            }
            return n;
        }
    }
}
