package org.cascade.console.infrastructure;

import static org.cascade.testing.ScriptedTerminal.PIECE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The operations endpoints on a real Liberty, read as an orchestrator and a metrics scraper
 * would, without signing in: health (live, and ready with the database), the application's
 * metrics following what really happens, and the JSON API's OpenAPI document.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void healthIsUpWithTheDatabaseAmongTheReadinessChecks() throws Exception {
        JsonObject live = health("live");
        assertEquals("UP", live.getString("status"), live.toString());
        assertEquals("UP", check(live, "center").getString("status"));

        JsonObject ready = health("ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        JsonObject database = check(ready, "database");
        assertEquals("UP", database.getString("status"));
        assertTrue(database.getJsonObject("data").getJsonNumber("millis").longValue() >= 0, database.toString());
    }

    @Test
    void metricsFollowTerminalsTransfersAndPostings() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Metrics");
        Contents.Registered content = Contents.register(base, "Metered", 2 * PIECE, 400, 10);
        Map<String, Double> before = metrics();
        double online = value(before, "cascade_terminals_online");
        double delivered = value(before, "cascade_transfers_delivered_bytes", "path", "origin");
        value(before, "cascade_transfers_delivered_bytes", "path", "p2p");
        value(before, "cascade_transfers_delivered_bytes", "path", "relay");
        double open = value(before, "cascade_transfers_open", "path", "origin");
        double opened = value(before, "cascade_transfers_opened_total", "path", "origin");
        double sales = value(before, "cascade_ledger_postings_total", "kind", "media_sale");
        double receptions = value(before, "cascade_ledger_postings_total", "kind", "reception");

        // A media sold and inserted, its terminal online.
        ScriptedTerminal terminal = ScriptedTerminal.open(base, clerk, 1000);
        Map<String, Double> after = metrics();
        assertEquals(online + 1, value(after, "cascade_terminals_online"), "the terminal is counted online");
        assertEquals(sales + 1, value(after, "cascade_ledger_postings_total", "kind", "media_sale"), "the sale posted once");

        // The content from the origin, whole: one link opened and closed, its bytes delivered, its receptions posted.
        assertEquals(400, terminal.receiveFromOrigin(content.id(), 2, content.bytes()));
        after = metrics();
        assertEquals(opened + 1, value(after, "cascade_transfers_opened_total", "path", "origin"));
        assertTrue(value(after, "cascade_ledger_postings_total", "kind", "reception") >= receptions + 1);
        // Counted once the closing transaction committed, beside the frames that told the terminal.
        awaitValue(v -> v >= 1, "cascade_transfers_closed_total", "path", "origin", "reason", "completed");
        // The gauges read the database at most every few seconds.
        awaitValue(v -> v == delivered + content.bytes().length, "cascade_transfers_delivered_bytes", "path", "origin");

        // Another terminal's link stays open while it is online, and closes when it leaves.
        ScriptedTerminal waiting = ScriptedTerminal.open(base, clerk, 1000);
        waiting.request(content.id(), 2, true);
        assertEquals("origin", waiting.channel().next("link").getString("path"));
        awaitValue(v -> v == open + 1, "cascade_transfers_open", "path", "origin");
        awaitValue(v -> v == online + 2, "cascade_terminals_online");
        waiting.channel().close();
        awaitValue(v -> v == open, "cascade_transfers_open", "path", "origin");
        assertTrue(value(metrics(), "cascade_transfers_closed_total", "path", "origin", "reason", "partner-left") >= 1);

        terminal.channel().close();
        awaitValue(v -> v == online, "cascade_terminals_online");
    }

    @Test
    void theOpenApiDocumentDescribesTheJsonApiAndNoPage() throws Exception {
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(root("/openapi?format=JSON")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonObject document = Center.json(r.body());
        assertEquals("Cascade", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        assertTrue(paths.keySet().stream().anyMatch(p -> p.endsWith("/api/contents/{id}")), paths.keySet().toString());
        assertTrue(paths.keySet().stream().anyMatch(p -> p.endsWith("/api/session")), paths.keySet().toString());
        assertTrue(paths.keySet().stream().allMatch(p -> p.contains("/api/")), "only API paths: " + paths.keySet());
        assertFalse(paths.keySet().stream().anyMatch(p -> p.endsWith("/terminal") || p.contains("/operator")
                || p.contains("/signin")), paths.keySet().toString());
    }

    private JsonObject health(String which) throws Exception {
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(root("/health/" + which)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Center.json(r.body());
    }

    private static JsonObject check(JsonObject health, String name) {
        for (JsonValue c : health.getJsonArray("checks")) {
            if (name.equals(c.asJsonObject().getString("name"))) {
                return c.asJsonObject();
            }
        }
        throw new AssertionError("no check named " + name + " in " + health);
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    /** The application's metrics in Prometheus format, read without credentials, by name and sorted labels. */
    private Map<String, Double> metrics() throws Exception {
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(root("/metrics?scope=application")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "metrics are readable without signing in: " + r.body());
        Map<String, Double> out = new HashMap<>();
        for (String line : r.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new java.util.TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    if (!l.group(1).equals("mp_scope")) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
            }
            out.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
        }
        return out;
    }

    /** A sample's value; fails when it is missing. */
    private static double value(Map<String, Double> metrics, String name, String... labels) {
        Map<String, String> wanted = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double v = metrics.get(name + wanted);
        if (v == null) {
            throw new AssertionError("no " + name + wanted + " among " + metrics.keySet());
        }
        return v;
    }

    /** Waits for a sample to take the expected value (a counter appears with its first event). */
    private void awaitValue(DoublePredicate expected, String name, String... labels) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            Map<String, Double> now = metrics();
            try {
                if (expected.test(value(now, name, labels))) {
                    return;
                }
            } catch (AssertionError missing) {
                if (System.currentTimeMillis() >= deadline) {
                    throw missing;
                }
            }
            assertTrue(System.currentTimeMillis() < deadline, name + " stayed at " + now.get(name));
            Thread.sleep(250);
        }
    }

    private URI root(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
