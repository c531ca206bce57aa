package org.cascade.swarm.web;

import static org.cascade.testing.ScriptedTerminal.bits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
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
 * Visiting a terminal's shelf over the channel on a real Liberty: the visited terminal hears who
 * the visitor is from the center's records, its list reaches the visitor exactly as sent with the
 * catalog's details, and every visit or answer that is not what it claims is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShelfIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void aVisitorGetsTheListTheVisitedTerminalArrangedAndOnlyThat() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Shelf");
        Contents.Registered held = Contents.register(base, "Shelved", 2 * ScriptedTerminal.PIECE, 300, 10);
        Contents.Registered other = Contents.register(base, "Elsewhere", ScriptedTerminal.PIECE, 200, 10);
        ScriptedTerminal owner = ScriptedTerminal.open(base, clerk, 5000);
        owner.receiveFromOrigin(held.id(), 2, held.bytes());
        owner.holdsAll(held.id(), 2);
        ScriptedTerminal visitor = ScriptedTerminal.open(base, clerk, 1000);
        ScriptedTerminal stranger = ScriptedTerminal.open(base, clerk, 1000);

        // Refused visits: one's own media, a media with no terminal online, a malformed serial.
        visitor.channel().send("{\"type\":\"visit\",\"of\":\"" + visitor.serial() + "\"}");
        assertEquals("shelf.self", visitor.channel().next("error").getString("reason"));
        visitor.channel().send("{\"type\":\"visit\",\"of\":\"CM-0000-0000\"}");
        assertEquals("shelf.offline", visitor.channel().next("error").getString("reason"));
        visitor.channel().send("{\"type\":\"visit\",\"of\":\"../etc\"}");
        assertEquals("channel.field.invalid", visitor.channel().next("error").getString("reason"));
        visitor.channel().send("{\"type\":\"visit\",\"of\":\"" + stranger.serial() + "\"}");
        assertEquals("shelf.sharesNothing", visitor.channel().next("error").getString("reason"));

        // The visit: the owner's terminal hears the visitor's facts from the center.
        visitor.channel().send("{\"type\":\"visit\",\"of\":\"" + owner.serial().toLowerCase() + "\"}");
        JsonObject visiting = visitor.channel().next("visiting");
        assertEquals(owner.id(), visiting.getString("terminal"));
        JsonObject visit = owner.channel().next("visit");
        String id = visit.getString("visit");
        assertEquals(visiting.getString("visit"), id);
        JsonObject facts = visit.getJsonObject("visitor");
        assertEquals(visitor.serial(), facts.getString("serial"));
        assertEquals(1000, facts.getInt("balance"));
        assertEquals(0, facts.getJsonArray("received").size());

        // Answers that are not what they claim reach nobody.
        String list = "{\"news\":\"New this week\",\"items\":[{\"content\":\"" + held.id() + "\",\"recommended\":true}]}";
        String sum = "0".repeat(64);
        stranger.channel().send("{\"type\":\"shelf\",\"visit\":\"" + id + "\",\"list\":" + list + ",\"checksum\":\"" + sum + "\"}");
        assertEquals("shelf.visit.unknown", stranger.channel().next("error").getString("reason"), "not the visited terminal");
        owner.channel().send("{\"type\":\"shelf\",\"visit\":\"" + id + "\",\"list\":{\"news\":\"\",\"items\":[{\"content\":\""
                + other.id() + "\",\"recommended\":false}]},\"checksum\":\"" + sum + "\"}");
        assertEquals("shelf.item.notHeld", owner.channel().next("error").getString("reason"), "a content it does not hold");
        owner.channel().send("{\"type\":\"shelf\",\"visit\":\"" + id + "\",\"list\":{\"news\":\"" + "x".repeat(1001)
                + "\",\"items\":[]},\"checksum\":\"" + sum + "\"}");
        assertEquals("channel.field.invalid", owner.channel().next("error").getString("reason"), "news too long");
        assertNull(visitor.channel().poll(500), "the visitor got none of those");

        // The real answer reaches the visitor exactly as sent, with the catalog's details.
        owner.channel().send("{\"type\":\"shelf\",\"visit\":\"" + id + "\",\"list\":" + list + ",\"checksum\":\"" + sum + "\"}");
        JsonObject shelf = visitor.channel().next("shelf");
        assertEquals(Json.createReader(new java.io.StringReader(list)).readObject(), shelf.getJsonObject("list"));
        assertEquals(sum, shelf.getString("checksum"));
        assertEquals(300, shelf.getJsonObject("details").getJsonObject(held.id()).getInt("unitCost"));
        assertEquals(owner.id(), shelf.getString("terminal"));
        owner.channel().send("{\"type\":\"shelf\",\"visit\":\"" + id + "\",\"list\":" + list + ",\"checksum\":\"" + sum + "\"}");
        assertEquals("shelf.visit.unknown", owner.channel().next("error").getString("reason"), "a visit is answered once");

        // A request from the shelf is a reception from that terminal.
        visitor.channel().send(Json.createObjectBuilder().add("type", "request").add("content", held.id()).add("auto", false)
                .add("distributor", owner.id()).add("have", bits(2)).build().toString());
        JsonObject link = visitor.channel().next("link");
        assertEquals(owner.id(), link.getString("partner"));
        assertTrue(owner.channel().next("link").getString("role").equals("distributor"));
    }
}
