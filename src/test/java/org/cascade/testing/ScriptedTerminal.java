package org.cascade.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Arrays;
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

    /** Fetches every piece of an origin link, checks it and receipts it; returns what the settlements charged. */
    public long receiveFromOrigin(String content, int pieceCount, byte[] expected) throws Exception {
        request(content, pieceCount, true);
        JsonObject link = channel.next("link");
        if (!"origin".equals(link.getString("path"))) {
            throw new AssertionError("expected an origin link: " + link);
        }
        for (int i = 0; i < pieceCount; i++) {
            var piece = http.getBytes("api/swarm/links/" + link.getString("link") + "/pieces/" + i);
            if (piece.statusCode() != 200
                    || !Arrays.equals(Arrays.copyOfRange(expected, i * PIECE, Math.min(expected.length, (i + 1) * PIECE)), piece.body())) {
                throw new AssertionError("origin piece " + i + ": " + piece.statusCode());
            }
            channel.send(Json.createObjectBuilder().add("type", "receipt").add("link", link.getString("link"))
                    .add("pieces", bits(pieceCount, i)).build().toString());
        }
        long paid = 0;
        int settled = 0;
        while (settled < pieceCount) {
            JsonObject s = channel.next("settled");
            paid += s.getJsonNumber("amount").longValue();
            settled = s.getInt("settledPieces");
            if (s.getString("ram").split("\\.").length != 3) {
                throw new AssertionError("a settlement without a sealed RAM part: " + s);
            }
        }
        return paid;
    }
}
