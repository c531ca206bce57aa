package org.cascade.media.web;

import static org.cascade.testing.ScriptedTerminal.bits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.cascade.testing.Center;
import org.cascade.testing.Channel;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.LedgerReadings;
import org.cascade.testing.ScriptedTerminal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A media revoked while a terminal is signed in with it, on a real Liberty: the session opened
 * before the revocation moves no more money on any path — playback, RAM refresh, live
 * applications, the channel (alerted and closed with the reason; a new one refused), reports of
 * a link with a revoked end — its pages sign it out saying why, its balance waits untouched for
 * the re-issue, and the ledger's invariants hold.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaRevocationIT {

    static final String REVOKED_TEXT = "This storage media was revoked";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade().addClass(LedgerReadings.class);
    }

    @ArquillianResource
    URL base;

    private void revoke(Center operator, String serial) throws Exception {
        HttpResponse<String> revoked = operator.post("api/media/" + serial + "/revocation",
                Json.createObjectBuilder().add("reason", "stolen").build());
        assertEquals(200, revoked.statusCode(), revoked.body());
    }

    private static void assertRefusedAsRevoked(HttpResponse<String> r, String what) {
        assertEquals(403, r.statusCode(), what + ": " + r.body());
        JsonObject body = Center.json(r);
        assertEquals("media.refused.revoked", body.getString("reason"), what);
        assertTrue(body.getString("message").startsWith(REVOKED_TEXT), what + ": " + body);
        assertFalse(body.containsKey("ram"), what + " hands out no RAM part");
    }

    /** The channel hears why, then is closed as refused (1008), so that the page does not reconnect. */
    private static void assertEndedAsRevoked(Channel channel) throws Exception {
        JsonObject alert = channel.next("alert");
        assertEquals("revoked", alert.getString("reason"), alert.toString());
        assertTrue(alert.getString("message").startsWith(REVOKED_TEXT), alert.toString());
        assertEquals(1008, channel.closeCode());
    }

    private static HttpResponse<String> playback(ScriptedTerminal t, String content) throws Exception {
        return t.http().post("api/terminal/playback", Json.createObjectBuilder().add("content", content).build());
    }

    @Test
    void aSessionOpenedBeforeTheRevocationMovesNoMoreMoneyOnAnyPath() throws Exception {
        Center operator = Center.asOperator(base);
        Center.Clerk clerk = operator.openStoreWithClerk("Revoked");
        Contents.Registered content = Contents.register(base, "Revoked", 4 * ScriptedTerminal.PIECE, 400, 10);

        // Playback: refused with the reason, nothing charged; the channel opened before ends saying why.
        ScriptedTerminal player = ScriptedTerminal.open(base, clerk, 3000);
        revoke(operator, player.serial());
        assertEndedAsRevoked(player.channel());
        assertRefusedAsRevoked(playback(player, content.id()), "playback");
        assertEquals(3000, LedgerReadings.balance(base, player.serial()), "playback charged nothing");
        // The session is signed out: nothing more of it is served, and no new channel opens for it.
        assertEquals(403, playback(player, content.id()).statusCode(), "the old session's token is gone with it");
        assertEquals(401, player.http().get("api/terminal/records").statusCode());
        assertNoChannel(player.http());

        // RAM refresh: no new version handed out; the insertion page then says why.
        ScriptedTerminal refresher = ScriptedTerminal.open(base, clerk, 2000);
        revoke(operator, refresher.serial());
        assertRefusedAsRevoked(refresher.http().post("api/terminal/media", Json.createObjectBuilder().build()), "RAM refresh");
        HttpResponse<String> insertion = refresher.http().get("terminal", "text/html");
        assertEquals(200, insertion.statusCode());
        assertTrue(insertion.body().contains(REVOKED_TEXT), "the insertion page says why");

        // Live application: refused before any event is looked at; a page request signs out with the reason.
        ScriptedTerminal applicant = ScriptedTerminal.open(base, clerk, 2000);
        revoke(operator, applicant.serial());
        assertRefusedAsRevoked(applicant.http().post("api/live/events/LE-NONE/applications", Json.createObjectBuilder()
                .add("order", 1).add("name", "Thief").add("email", "thief@example.org").build()), "live application");
        ScriptedTerminal browsing = ScriptedTerminal.open(base, clerk, 2000);
        revoke(operator, browsing.serial());
        HttpResponse<String> home = browsing.http().get("terminal/home", "text/html");
        assertEquals(302, home.statusCode(), "a page of a revoked media does not render");
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/terminal"), home.headers().toString());
        assertTrue(browsing.http().get("terminal", "text/html").body().contains(REVOKED_TEXT));

        // A link whose distributor is revoked: what it still reports settles nothing, and the link ends.
        ScriptedTerminal distributor = ScriptedTerminal.open(base, clerk, 1000);
        assertEquals(400, distributor.receiveFromOrigin(content.id(), 4, content.bytes()));
        distributor.holdsAll(content.id(), 4);
        ScriptedTerminal receiver = ScriptedTerminal.open(base, clerk, 5000);
        receiver.channel().send(Json.createObjectBuilder().add("type", "request").add("content", content.id()).add("auto", false)
                .add("distributor", distributor.id()).add("have", bits(4)).build().toString());
        JsonObject link = receiver.channel().next("link");
        distributor.channel().next("link");
        int[] asked = ScriptedTerminal.pieces(4, link.getString("pieces"));
        // The distributor sent both pieces asked of it; the receiver reports the second only after the revocation.
        distributor.channel().send("{\"type\":\"sent\",\"link\":\"" + link.getString("link") + "\",\"pieces\":\""
                + bits(4, asked[0], asked[1]) + "\"}");
        receiver.channel().send("{\"type\":\"receipt\",\"link\":\"" + link.getString("link") + "\",\"pieces\":\"" + bits(4, asked[0]) + "\"}");
        assertEquals(100, receiver.channel().next("settled").getInt("amount"), "before the revocation a piece settles");
        assertEquals(10, distributor.channel().next("settled").getInt("amount"));
        revoke(operator, distributor.serial());
        assertEndedAsRevoked(distributor.channel());
        receiver.channel().send("{\"type\":\"receipt\",\"link\":\"" + link.getString("link") + "\",\"pieces\":\""
                + bits(4, asked[0], asked[1]) + "\"}");
        // Frames of one channel are taken in order: the answer to a frame sent after the receipt means it was taken.
        receiver.channel().send("{\"type\":\"after-the-receipt\"}");
        JsonObject answered = receiver.channel().nextOf(java.util.Set.of("error", "settled"));
        assertEquals("error", answered.getString("type"), "the late receipt settled: " + answered);
        assertEquals(4900, LedgerReadings.balance(base, receiver.serial()), "the receiver paid for the one settled piece only");
        assertEquals(610, LedgerReadings.balance(base, distributor.serial()), "the revoked distributor earned nothing more");

        // Its balance waits for the re-issue, which carries it whole; the re-issued media stays refused.
        Center counter = new Center(base);
        counter.signIn(clerk.username(), clerk.password());
        HttpResponse<String> reissued = counter.post("api/store/reissues", Json.createObjectBuilder()
                .add("revokedSerial", player.serial()).add("password", "new-password").add("requestKey", UUID.randomUUID().toString())
                .build());
        assertEquals(200, reissued.statusCode(), reissued.body());
        assertEquals(3000, Center.json(reissued).getInt("balance"));
        assertEquals(0, LedgerReadings.balance(base, player.serial()));
        assertTrue(LedgerReadings.invariants(base).startsWith("hold"), LedgerReadings.invariants(base));
    }

    private static void assertNoChannel(Center http) {
        try {
            Channel again = http.channel(null);
            assertEquals(1008, again.closeCode(), "a channel for a revoked media closes at once");
        } catch (Exception refused) {
            // the handshake itself was refused
        }
    }
}
