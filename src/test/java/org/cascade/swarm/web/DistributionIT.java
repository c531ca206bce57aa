package org.cascade.swarm.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cascade.testing.ScriptedTerminal.bits;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.ScriptedTerminal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Distribution over the terminal channel on a real Liberty, with terminals played by test
 * clients (so that they can misbehave): the balance check, the origin sending only what the
 * center asked of it, links and signals only between their two ends, settlement by matched
 * reports, and a distributor whose pieces fail verification cut off through the relay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DistributionIT {

    static final int PIECE = 256 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    ScriptedTerminal terminal(Center.Clerk clerk, long balance) throws Exception {
        return ScriptedTerminal.open(base, clerk, balance);
    }

    @Test
    void aBalanceThatDoesNotCoverTheContentGetsAnAlertAndNoLink() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Alert");
        Contents.Registered content = Contents.register(base, "Alerted", 3 * PIECE, 1200, 10);
        ScriptedTerminal poor = terminal(clerk, 300);
        poor.request(content.id(), 3, true);
        JsonObject alert = poor.channel().next();
        assertEquals("alert", alert.getString("type"), alert.toString());
        assertEquals(900, alert.getInt("shortfall"));
        assertTrue(alert.getString("message").contains("900"), alert.getString("message"));
        assertNull(poor.channel().poll(1000), "no link follows the alert");
    }

    @Test
    void theOriginSendsWhatNobodyHoldsWithinAWindowOfReceipts() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Origin");
        Contents.Registered content = Contents.register(base, "Origin", 10 * PIECE, 1000, 10);
        ScriptedTerminal first = terminal(clerk, 5000);
        assertEquals(1000, first.receiveFromOrigin(content.id(), 10, content.bytes()), "a whole content costs its unit cost");
        assertEquals(4000, Center.json(first.http().get("api/terminal/records")).getInt("balance"));
        // Receipts repeated change nothing.
        first.channel().send(Json.createObjectBuilder().add("type", "sent").add("link", "00000000-0000-0000-0000-000000000000")
                .add("pieces", bits(10)).build().toString());
        assertEquals("channel.link.unknown", first.channel().next("error").getString("reason"));

        // A receiver that stops receipting is asked for nothing more, and the origin sends only what it asked.
        ScriptedTerminal greedy = terminal(clerk, 5000);
        greedy.request(content.id(), 10, true);
        JsonObject link = greedy.channel().next("link");
        int[] asked = ScriptedTerminal.pieces(10, link.getString("pieces"));
        assertEquals(2, asked.length, "a few pieces at a time");
        for (int i : asked) {
            assertEquals(200, greedy.http().getBytes("api/swarm/links/" + link.getString("link") + "/pieces/" + i).statusCode());
        }
        int unasked = java.util.stream.IntStream.range(0, 10).filter(i -> i != asked[0] && i != asked[1]).findFirst().getAsInt();
        assertEquals(404, greedy.http().getBytes("api/swarm/links/" + link.getString("link") + "/pieces/" + unasked).statusCode(),
                "a piece the center did not ask of the link");
        // Another terminal cannot take pieces of this link.
        assertEquals(404, first.http().getBytes("api/swarm/links/" + link.getString("link") + "/pieces/" + asked[0]).statusCode());
        var playback = greedy.http().post("api/terminal/playback", Json.createObjectBuilder().add("content", content.id()).build());
        assertEquals(200, playback.statusCode(), playback.body());
        assertEquals(1000, Center.json(playback).getInt("charged"), "playing a content never paid for charges its unit cost");
        var again = first.http().post("api/terminal/playback", Json.createObjectBuilder().add("content", content.id()).build());
        assertEquals(0, Center.json(again).getInt("charged"), "a content received whole plays without a new charge");
    }

    @Test
    void theOriginKeepsToTheCapTheOperatorSet() throws Exception {
        Center operator = Center.asOperator(base);
        Center.Clerk clerk = operator.openStoreWithClerk("Capped");
        Contents.Registered content = Contents.register(base, "Capped", 4 * PIECE, 400, 10);
        assertEquals(422, operator.post("api/origin", Json.createObjectBuilder().add("totalBytesPerSecond", 1000)
                .add("perContentBytesPerSecond", 0).build()).statusCode(), "a cap too small to send a piece");
        assertEquals(422, operator.post("api/origin", Json.createObjectBuilder().add("totalBytesPerSecond", PIECE)
                .add("perContentBytesPerSecond", 2 * PIECE).build()).statusCode(), "a content's cap over the total");
        try {
            var set = operator.post("api/origin", Json.createObjectBuilder().add("totalBytesPerSecond", PIECE)
                    .add("perContentBytesPerSecond", 0).build());
            assertEquals(200, set.statusCode(), set.body());
            ScriptedTerminal t = terminal(clerk, 5000);
            long started = System.nanoTime();
            ScriptedTerminal.OriginReception r = t.receiveWholeFromOrigin(content.id(), 4, content.bytes());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(400, r.paid());
            assertTrue(r.refused() > 0, "the origin made the receiver wait");
            // A full bucket lets one piece go and a second one into debt; the other two wait a second each.
            assertTrue(seconds >= 1.9, "4 pieces at one piece a second: " + seconds + " s");
            var state = Center.json(operator.get("api/origin"));
            assertTrue(state.getJsonNumber("uploadBytesPerSecond").longValue() > 0, state.toString());
            assertEquals(PIECE, state.getJsonNumber("totalBytesPerSecond").longValue());
        } finally {
            operator.post("api/origin", Json.createObjectBuilder().add("totalBytesPerSecond", 0).add("perContentBytesPerSecond", 0).build());
        }
    }

    @Test
    void linksSignalsAndReportsStayBetweenTheirTwoEnds() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Links");
        Contents.Registered content = Contents.register(base, "Linked", 4 * PIECE, 1200, 10);
        ScriptedTerminal a = terminal(clerk, 5000);
        a.receiveFromOrigin(content.id(), 4, content.bytes());
        a.holdsAll(content.id(), 4);
        ScriptedTerminal b = terminal(clerk, 5000);
        ScriptedTerminal c = terminal(clerk, 5000);

        // Without automatic start, B gets the holder list with A's comment, as A last set it.
        a.channel().send("{\"type\":\"profile\",\"comment\":\"fibre, evenings\",\"uploadCap\":0}");
        a.channel().send("{\"type\":\"profile\",\"comment\":\"" + "x".repeat(201) + "\"}");
        assertEquals("channel.field.invalid", a.channel().next("error").getString("reason"), "a comment of 201 characters");
        b.request(content.id(), 4, false);
        JsonObject holders = b.channel().next("holders");
        assertEquals(1, holders.getJsonArray("holders").size(), holders.toString());
        assertEquals(a.id(), holders.getJsonArray("holders").getJsonObject(0).getString("terminal"));
        assertEquals("fibre, evenings", holders.getJsonArray("holders").getJsonObject(0).getString("comment"));
        b.channel().send(Json.createObjectBuilder().add("type", "request").add("content", content.id()).add("auto", false)
                .add("distributor", a.id()).add("have", bits(4)).build().toString());
        JsonObject toB = b.channel().next("link");
        JsonObject toA = a.channel().next("link");
        String link = toB.getString("link");
        assertEquals(link, toA.getString("link"));
        assertEquals("p2p", toB.getString("path"));
        assertEquals(a.id(), toB.getString("partner"));
        assertEquals("distributor", toA.getString("role"));

        // Signals go to the other end only; a stranger's are refused.
        b.channel().send("{\"type\":\"signal\",\"link\":\"" + link + "\",\"data\":{\"sdp\":\"offer\"}}");
        assertEquals("offer", a.channel().next("signal").getJsonObject("data").getString("sdp"));
        c.channel().send("{\"type\":\"signal\",\"link\":\"" + link + "\",\"data\":{\"sdp\":\"evil\"}}");
        assertEquals("channel.link.notYours", c.channel().next("error").getString("reason"));
        c.channel().send("{\"type\":\"receipt\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, 0) + "\"}");
        assertEquals("channel.link.notYours", c.channel().next("error").getString("reason"));
        c.channel().send("{\"type\":\"sent\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, 0) + "\"}");
        assertEquals("channel.link.notYours", c.channel().next("error").getString("reason"));

        // Only pieces both ends report settle, once however often the reports come.
        int[] asked = ScriptedTerminal.pieces(4, toB.getString("pieces"));
        assertEquals(2, asked.length, "a few pieces at a time: " + toB);
        assertEquals(toB.getString("pieces"), toA.getString("pieces"), "both ends hear what the link carries");
        b.channel().send("{\"type\":\"receipt\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, asked) + "\"}");
        // Both delivered: the center asks the link for the other two, and both ends hear it.
        JsonObject more = a.channel().next("assign");
        assertEquals(bits(4, 0, 1, 2, 3), more.getString("pieces"));
        assertEquals(bits(4, java.util.stream.IntStream.range(0, 4).filter(i -> i != asked[0] && i != asked[1]).toArray()),
                more.getString("outstanding"));
        a.channel().send("{\"type\":\"sent\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, asked[0]) + "\"}");
        JsonObject charged = b.channel().next("settled");
        assertEquals(300, charged.getInt("amount"));
        JsonObject earned = a.channel().next("settled");
        assertEquals("distributor", earned.getString("role"));
        assertEquals(30, earned.getInt("amount"), "10 % of the 300 yen to the distributor");
        for (int i = 0; i < 3; i++) {
            a.channel().send("{\"type\":\"sent\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, asked[0]) + "\"}");
            b.channel().send("{\"type\":\"receipt\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, asked) + "\"}");
        }
        a.channel().send("{\"type\":\"sent\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, 0, 1, 2, 3) + "\"}");
        b.channel().send("{\"type\":\"receipt\",\"link\":\"" + link + "\",\"pieces\":\"" + bits(4, 0, 1, 2, 3) + "\"}");
        long paid = 300;
        int settled = 1;
        while (settled < 4) {
            JsonObject s = b.channel().next("settled");
            paid += s.getJsonNumber("amount").longValue();
            settled = s.getInt("settledPieces");
        }
        assertEquals(1200, paid, "the whole content, from the origin or a terminal, costs its unit cost once");
        assertEquals(3800, Center.json(b.http().get("api/terminal/records")).getInt("balance"));
        assertEquals("completed", a.channel().next("closed").getString("reason"), "the reception is complete");
        var earnings = Json.createReader(new java.io.StringReader(a.http().get("api/terminal/earnings").body())).readArray();
        assertEquals(120, earnings.getJsonObject(0).getInt("earned"));
    }

    @Test
    void aDistributorWhosePiecesFailVerificationIsCutOffThroughTheRelay() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Cheat");
        Contents.Registered content = Contents.register(base, "Cheated", 4 * PIECE, 800, 10);
        ScriptedTerminal cheat = terminal(clerk, 5000);
        cheat.receiveFromOrigin(content.id(), 4, content.bytes());
        cheat.holdsAll(content.id(), 4);
        ScriptedTerminal victim = terminal(clerk, 5000);
        victim.request(content.id(), 4, true);
        JsonObject toVictim = victim.channel().next("link");
        String link = toVictim.getString("link");
        assertEquals("p2p", toVictim.getString("path"), "the origin sent every piece before: the cheat holds them all");
        assertEquals(link, cheat.channel().next("link").getString("link"));
        int[] asked = ScriptedTerminal.pieces(4, toVictim.getString("pieces"));

        // No direct connection forms (the cheat never answers): the receiver asks for the relay.
        victim.channel().send("{\"type\":\"relay\",\"link\":\"" + link + "\"}");
        assertEquals(link, cheat.channel().next("relay").getString("link"));
        for (int k = 0; k < 3; k++) {
            int piece = asked[k % asked.length]; // a piece that failed is still to come: the cheat sends garbage again
            byte[] garbage = new byte[PIECE];
            Arrays.fill(garbage, (byte) piece);
            byte[] frame = ByteBuffer.allocate(40 + PIECE).put(link.getBytes(StandardCharsets.US_ASCII)).putInt(piece).put(garbage).array();
            cheat.channel().sendBinary(frame);
            byte[] relayed = victim.channel().nextBinary();
            assertArrayEquals(frame, relayed, "the relay forwards the piece as it came");
            victim.channel().send("{\"type\":\"corrupt\",\"link\":\"" + link + "\",\"piece\":" + piece + "}");
        }
        assertEquals("cut-off", victim.channel().next("closed").getString("reason"));
        assertEquals("cut-off", cheat.channel().next("closed").getString("reason"));
        // A piece of the wrong length for the relay, or for a link that is closed, goes nowhere.
        cheat.channel().sendBinary(ByteBuffer.allocate(50).put(link.getBytes(StandardCharsets.US_ASCII)).putInt(0).array());
        assertEquals("error", cheat.channel().next("error").getString("type"));

        // Asked again, the center does not choose the cut-off terminal: the origin sends it.
        victim.request(content.id(), 4, true);
        assertEquals("origin", victim.channel().next("link").getString("path"));
        String page = Center.asOperator(base).get("operator", "text/html").body();
        assertTrue(page.substring(page.indexOf("id=\"cut-off\"")).contains("data-serial=\"" + cheat.serial() + "\""),
                "the operator sees the cut-off");
        assertEquals(5000, Center.json(victim.http().get("api/terminal/records")).getInt("balance"), "pieces that failed cost nothing");
    }
}
