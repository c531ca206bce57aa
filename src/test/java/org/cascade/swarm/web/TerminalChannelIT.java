package org.cascade.swarm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.cascade.testing.Center;
import org.cascade.testing.Channel;
import org.cascade.testing.Deployments;
import org.cascade.testing.Terminals;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The terminal channel on a real Liberty: a signed-in terminal says hello and heartbeats and is
 * listed online for the operator; every bad frame gets an error frame and changes nothing; only
 * signed-in terminals on the center's own pages may open it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TerminalChannelIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void aTerminalComesOnlineReportsAndLeaves() throws Exception {
        Center operator = Center.asOperator(base);
        Center.Clerk clerk = operator.openStoreWithClerk("Channel");
        Center terminal = new Center(base);
        String serial = terminal.insertMedia(Terminals.sell(base, clerk, 1000, "channel-pw"), "channel-pw");
        Center other = new Center(base);
        String otherSerial = other.insertMedia(Terminals.sell(base, clerk, 500, "other-pw"), "other-pw");

        Channel channel = terminal.channel(null);
        Channel second = other.channel(null);
        channel.send("{\"type\":\"hello\",\"equipment\":{\"cores\":4,\"userAgent\":\"Test\"},\"contents\":[]}");
        second.send("{\"type\":\"hello\",\"equipment\":{\"cores\":2},\"contents\":[]}");
        JsonObject welcome = channel.next();
        assertEquals("welcome", welcome.getString("type"));
        assertEquals(serial, welcome.getString("serial"));
        assertEquals(10, welcome.getInt("heartbeatSeconds"));
        assertEquals(otherSerial, second.next().getString("serial"), "each channel is its own terminal");
        channel.send("{\"type\":\"heartbeat\",\"cpuLoad\":0.25,\"linkBytesPerSecond\":1250000,\"operatingRate\":1,\"transfers\":0}");

        // Bad frames: an error frame each, the channel stays open and the terminal stays as it was.
        assertRefused(channel, "not json", "channel.frame.malformed");
        assertRefused(channel, "{\"type\":\"shout\"}", "channel.frame.unknown");
        assertRefused(channel, "{\"type\":\"heartbeat\",\"cpuLoad\":7,\"linkBytesPerSecond\":1,\"operatingRate\":1,\"transfers\":0}",
                "channel.field.invalid");
        assertRefused(channel, "{\"type\":\"hello\",\"equipment\":{\"cores\":4},\"contents\":[]}", "channel.frame.order");
        assertRefused(channel, "{\"type\":\"heartbeat\",\"cpuLoad\":0.5,\"linkBytesPerSecond\":1e30,\"operatingRate\":1,\"transfers\":0}",
                "channel.field.invalid");
        assertRefused(channel, "{\"type\":\"heartbeat\"," + "\"pad\":\"" + "x".repeat(70_000) + "\"}", "channel.frame.large");

        String page = operator.get("operator", "text/html").body();
        assertTrue(page.contains("data-serial=\"" + serial + "\""), "the operator sees the terminal online");
        assertTrue(page.contains("4 cores; Test"), "with its equipment");
        assertTrue(page.contains(">127.0.0.1<"), "and its address");
        assertTrue(page.contains("CPU 25%, link 1250000 B/s"), "and its last heartbeat");

        channel.close();
        assertEquals(1000, channel.closeCode());
        long deadline = System.currentTimeMillis() + 10_000;
        while (operator.get("operator", "text/html").body().contains("data-serial=\"" + serial + "\"")) {
            assertTrue(System.currentTimeMillis() < deadline, "the terminal leaves the table when its channel closes");
            Thread.sleep(100);
        }
        assertTrue(operator.get("operator", "text/html").body().contains("data-serial=\"" + otherSerial + "\""));
        second.close();
    }

    @Test
    void aHelloWithAnUnknownContentIsRefusedInTheTerminalsLanguage() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("ChannelJa");
        Center terminal = new Center(base);
        terminal.insertMedia(Terminals.sell(base, clerk, 1000, "ja-password"), "ja-password");
        Channel channel = terminal.channel("ja,en;q=0.5");
        channel.send("{\"type\":\"hello\",\"equipment\":{\"cores\":4},\"contents\":[{\"id\":\"CT-NONE-NONE\",\"pieces\":\"gA\"}]}");
        JsonObject error = channel.next();
        assertEquals("error", error.getString("type"));
        assertEquals("content.unknown", error.getString("reason"));
        assertFalse(error.getString("message").matches("[\\x00-\\x7F]*"), "a Japanese message: " + error.getString("message"));
        // Still open, and nothing was recorded: a good hello is welcomed now.
        channel.send("{\"type\":\"hello\",\"equipment\":{\"cores\":4},\"contents\":[]}");
        assertEquals("welcome", channel.next().getString("type"));
        channel.close();
    }

    @Test
    void onlySignedInTerminalsOnTheCentersOwnPagesMayOpenIt() throws Exception {
        Channel anonymous = new Center(base).channel(null);
        assertEquals(1008, anonymous.closeCode(), "not signed in");

        Center staff = Center.asOperator(base);
        assertEquals(1008, staff.channel(null).closeCode(), "staff are not terminals");

        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("ChannelOrigin");
        Center terminal = new Center(base);
        terminal.insertMedia(Terminals.sell(base, clerk, 1000, "origin-password"), "origin-password");
        assertEquals(1008, terminal.channelFrom("https://evil.example").closeCode(), "another site's page");
    }

    private static void assertRefused(Channel channel, String frame, String reason) throws Exception {
        channel.send(frame);
        JsonObject answer = channel.next();
        assertEquals("error", answer.getString("type"), answer.toString());
        if (reason != null) {
            assertEquals(reason, answer.getString("reason"));
        }
        assertNotEquals("", answer.getString("message"));
    }
}
