package org.cascade.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A terminal channel as a test opens it: frames received in a queue, and how the center closed it. */
public final class Channel implements WebSocket.Listener {

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();
    private WebSocket socket;

    static Channel open(HttpClient http, URI base, String origin, String language) throws Exception {
        Channel c = new Channel();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("terminal/channel");
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).header("Origin", origin);
        if (language != null) {
            b.header("Accept-Language", language);
        }
        c.socket = b.buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        return c;
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next frame from the center; fails after 10 s without one. */
    public JsonObject next() throws InterruptedException {
        JsonObject f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame from the center within 10 s");
        }
        return f;
    }

    /** The next frame of that type, skipping others (heartbeat answers, settlements…); fails after 10 s. */
    public JsonObject next(String type) throws InterruptedException {
        return nextOf(java.util.Set.of(type));
    }

    /** The next frame of one of these types, skipping others; fails after 10 s. */
    public JsonObject nextOf(java.util.Set<String> types) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonObject f = frames.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no " + types + " frame from the center within 10 s");
            }
            if (types.contains(f.getString("type"))) {
                return f;
            }
        }
    }

    /** A frame if one comes within {@code millis}, else null. */
    public JsonObject poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    public void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
    }

    /** The next binary frame (a relayed piece); fails after 10 s. */
    public byte[] nextBinary() throws InterruptedException {
        byte[] b = binaries.poll(10, TimeUnit.SECONDS);
        if (b == null) {
            throw new AssertionError("no binary frame from the center within 10 s");
        }
        return b;
    }

    /** The close code the center sent, waiting up to 10 s for it. */
    public int closeCode() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Center.json(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partialBinary.writeBytes(chunk);
        if (last) {
            binaries.add(partialBinary.toByteArray());
            partialBinary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
