package org.cascade.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Base64;
import java.util.stream.IntStream;

/**
 * A terminal played by the test itself over the real channel and API, for the cases a browser
 * would not do on its own: a distributor that sends garbage, a receiver that never receipts.
 */
public record ScriptedTerminal(Center http, Channel channel, String serial, String id) {

    public static final int PIECE = 256 * 1024;

    /** A media sold with {@code balance}, inserted, its channel opened and welcomed. */
    public static ScriptedTerminal open(URL base, Center.Clerk clerk, long balance) throws Exception {
        Center http = new Center(base);
        String serial = http.insertMedia(Terminals.sell(base, clerk, balance, "scripted-pw"), "scripted-pw");
        Channel channel = http.channel(null);
        channel.send("{\"type\":\"hello\",\"equipment\":{\"cores\":2},\"contents\":[],\"comment\":\"test terminal\"}");
        JsonObject welcome = channel.next("welcome");
        return new ScriptedTerminal(http, channel, serial, welcome.getString("terminal"));
    }

    /** A bitfield of these pieces, as terminals send it. */
    public static String bits(int pieceCount, int... pieces) {
        byte[] b = new byte[(pieceCount + 7) / 8];
        for (int p : pieces) {
            b[p / 8] |= (byte) (0x80 >> (p % 8));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    public void request(String content, int pieceCount, boolean auto) throws Exception {
        channel.send(Json.createObjectBuilder().add("type", "request").add("content", content).add("auto", auto)
                .add("have", bits(pieceCount)).build().toString());
    }

    /** Says it holds and shares every piece of the content. */
    public void holdsAll(String content, int pieceCount) throws Exception {
        channel.send(Json.createObjectBuilder().add("type", "holding").add("content", content)
                .add("pieces", bits(pieceCount, range(0, pieceCount))).build().toString());
    }

    /** The pieces a bitfield names, in order. */
    public static int[] pieces(int pieceCount, String bitfield) {
        byte[] b = Base64.getUrlDecoder().decode(bitfield);
        return IntStream.range(0, pieceCount).filter(i -> (b[i / 8] & (0x80 >> (i % 8))) != 0).toArray();
    }

    /** What receiving a content whole from the origin charged, and how often the origin made it wait (its cap). */
    public record OriginReception(long paid, int refused) {
    }

    /** Receives the content from the origin (see {@link #receiveWholeFromOrigin}); returns what the settlements charged. */
    public long receiveFromOrigin(String content, int pieceCount, byte[] expected) throws Exception {
        return receiveWholeFromOrigin(content, pieceCount, expected).paid();
    }

    /**
     * Asks for the content and fetches every piece the center asks of its origin link, as it asks
     * them (the link frame, then an assignment after each receipt), checks each and receipts it;
     * waits as long as the origin says when it is at its cap.
     */
    public OriginReception receiveWholeFromOrigin(String content, int pieceCount, byte[] expected) throws Exception {
        request(content, pieceCount, true);
        String link = null;
        Set<Integer> fetched = new HashSet<>();
        long paid = 0;
        int settled = 0;
        int refused = 0;
        while (settled < pieceCount) {
            JsonObject f = channel.nextOf(Set.of("link", "assign", "settled"));
            switch (f.getString("type")) {
                case "link" -> {
                    if (!"origin".equals(f.getString("path"))) {
                        throw new AssertionError("expected an origin link: " + f);
                    }
                    link = f.getString("link");
                    refused += fetch(link, pieces(pieceCount, f.getString("pieces")), expected, fetched);
                }
                case "assign" -> {
                    if (f.getString("link").equals(link)) {
                        refused += fetch(link, pieces(pieceCount, f.getString("pieces")), expected, fetched);
                    }
                }
                default -> {
                    paid += f.getJsonNumber("amount").longValue();
                    settled = f.getInt("settledPieces");
                    if (f.getString("ram").split("\\.").length != 3) {
                        throw new AssertionError("a settlement without a sealed RAM part: " + f);
                    }
                }
            }
        }
        return new OriginReception(paid, refused);
    }

    private int fetch(String link, int[] asked, byte[] expected, Set<Integer> fetched) throws Exception {
        int refused = 0;
        int pieceCount = (expected.length + PIECE - 1) / PIECE;
        for (int i : asked) {
            if (!fetched.add(i)) {
                continue;
            }
            var piece = http.getBytes("api/swarm/links/" + link + "/pieces/" + i);
            while (piece.statusCode() == 429) {
                refused++;
                JsonObject wait = Center.json(new String(piece.body(), java.nio.charset.StandardCharsets.UTF_8));
                Thread.sleep(Math.max(50, wait.getJsonNumber("retryAfterMillis").longValue()));
                piece = http.getBytes("api/swarm/links/" + link + "/pieces/" + i);
            }
            if (piece.statusCode() != 200
                    || !Arrays.equals(Arrays.copyOfRange(expected, i * PIECE, Math.min(expected.length, (i + 1) * PIECE)), piece.body())) {
                throw new AssertionError("origin piece " + i + ": " + piece.statusCode());
            }
            channel.send(Json.createObjectBuilder().add("type", "receipt").add("link", link)
                    .add("pieces", bits(pieceCount, i)).build().toString());
        }
        return refused;
    }
}
