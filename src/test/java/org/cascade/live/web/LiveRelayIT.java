package org.cascade.live.web;

import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
import org.cascade.testing.LiveStory;
import org.cascade.testing.Terminals;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The live relay in real browsers (FIG. 27 Q3–Q4): the sponsor's camera goes to two primary
 * viewers from the center; each primary relays it over WebRTC to the secondary viewer the center
 * gave it, the interval (5 s) behind, and the center serves the secondaries no byte. Closing a
 * primary's page moves its secondary to the other primary, and playback resumes there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveRelayIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade().addClass(LiveStory.class);
    }

    @ArquillianResource
    URL base;

    final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void close() {
        drivers.forEach(d -> {
            try {
                d.quit();
            } catch (RuntimeException alreadyClosed) {
                // the test closed it
            }
        });
    }

    private WebDriver viewer(Center.Clerk clerk, String eventId, String name, int order) throws Exception {
        WebDriver d = Browsers.open();
        drivers.add(d);
        Terminals.insert(d, base, Terminals.sell(base, clerk, 1_000, "relay-password"), "relay-password");
        LivePages.applyToRelay(d, base, eventId, name, order, true);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebDriver d, String url) {
        return (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.json()).then(done);", url);
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];" + js, args);
    }

    private static long number(WebDriver d, String id, String attribute) {
        String v = d.findElement(By.id(id)).getAttribute(attribute);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private static String attribute(WebDriver d, String id, String attribute) {
        return d.findElement(By.id(id)).getAttribute(attribute);
    }

    /** The cascade view's rows, read in one script: the view redraws itself every two seconds. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> drawnCascade(WebDriver d) {
        return (List<Map<String, String>>) ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                + "'#cascade-tree tbody tr')].map(r => ({order: r.dataset.order, serial: r.dataset.serial, fedBy: r.dataset.fedBy}));");
    }

    private static double playing(WebDriver d) {
        return ((Number) ((JavascriptExecutor) d).executeScript("return document.getElementById('live-video').currentTime")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> terminal(Map<String, Object> air, String application) {
        return ((List<Map<String, Object>>) air.get("terminals")).stream().filter(t -> application.equals(t.get("application")))
                .findFirst().orElseThrow(() -> new AssertionError(application + " not in " + air));
    }

    @Test
    void primariesRelayToTheSecondariesTheIntervalBehindAndASecondaryWhosePrimaryLeftIsFedByTheOther() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebDriver holder = Browsers.openWithCamera();
        drivers.add(holder);
        LivePages.newHolder(holder, base, "relay-" + suffix);
        String eventId = LivePages.onAirEvent(holder, base, "Relay " + suffix, 2, 5, 1);

        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Relay " + suffix);
        List<WebDriver> primaries = List.of(viewer(clerk, eventId, "Aki", 1), viewer(clerk, eventId, "Bo", 1));
        List<WebDriver> secondaries = List.of(viewer(clerk, eventId, "Cho", 2), viewer(clerk, eventId, "Dai", 2));

        Browsers.clickForNewPage(holder, By.id("air-link"));
        Browsers.ready(holder);
        new Select(visible(holder, By.id("air-pattern"))).selectByValue("entirety");
        waitFor(holder).until(ExpectedConditions.elementToBeClickable(By.id("air-start"))).click();
        waitFor(holder, 30).until(d -> number(d, "air-state", "data-sent") >= 2);

        for (WebDriver p : primaries) {
            p.get(base + "live/watch?id=" + eventId);
            waitFor(p, 20).until(d -> "center".equals(attribute(d, "watch-feed", "data-feed")));
        }
        // The second secondary's page notes its channels, so that the test can cut one as a lost link would.
        ((org.openqa.selenium.chrome.ChromeDriver) secondaries.get(1)).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "window.__channels = []; const Native = window.WebSocket; window.WebSocket = class extends Native {"
                        + " constructor(...a) { super(...a); window.__channels.push(this); } };"));
        for (WebDriver s : secondaries) {
            s.get(base + "live/watch?id=" + eventId);
            waitFor(s, 20).until(d -> "terminal".equals(attribute(d, "watch-feed", "data-feed")));
        }
        for (WebDriver p : primaries) {
            waitFor(p, 30).until(d -> number(d, "watch-state", "data-segments") >= 4);
            assertEquals("0", attribute(p, "watch-state", "data-rejected"));
            // a primary plays the live edge: within 3 s of it once its player has caught up (a busy machine may lag at first)
            waitFor(p, 30).withMessage("a primary plays without delay").until(d -> number(d, "watch-state", "data-behind-ms") < 3_000);
            waitFor(p, 20).until(d -> playing(d) > 1.0);
        }
        for (WebDriver s : secondaries) {
            waitFor(s, 40).until(d -> number(d, "watch-state", "data-segments") >= 3);
            assertEquals("0", attribute(s, "watch-state", "data-rejected"));
            assertEquals(0, number(s, "watch-state", "data-from-center"), "every segment came from the relay");
            // never less than the interval behind the center (its tier's rule); within 8 s of it once caught up
            waitFor(s, 30).withMessage("the secondary plays the interval behind").until(d -> {
                long behind = number(d, "watch-state", "data-behind-ms");
                assertTrue(behind >= 4_500, "the secondary plays the interval behind: " + behind + " ms");
                return behind < 8_000;
            });
            waitFor(s, 20).until(d -> playing(d) > 1.0);
        }
        // The two secondaries are fed by different primaries, each one of theirs relaying to it.
        String fedFirst = attribute(secondaries.get(0), "watch-feed", "data-from");
        String fedSecond = attribute(secondaries.get(1), "watch-feed", "data-from");
        assertNotEquals(fedFirst, fedSecond);
        Map<String, Object> air = json(holder, base + "api/live/events/" + eventId + "/air");
        for (WebDriver s : secondaries) {
            Map<String, Object> t = terminal(air, attribute(s, "watch", "data-application"));
            assertEquals(0L, ((Number) t.get("centerBytes")).longValue(), "the center served a secondary no byte: " + t);
            assertEquals(attribute(s, "watch-feed", "data-from"), t.get("fedBy"));
        }
        for (WebDriver p : primaries) {
            Map<String, Object> t = terminal(air, attribute(p, "watch", "data-application"));
            assertEquals("center", t.get("fedBy"));
            assertTrue(((Number) t.get("centerBytes")).longValue() > 0, t.toString());
        }
        assertTrue(((Number) air.get("centerUpload")).longValue() > 0);

        // The sponsor's air page draws the same cascade: four places, the secondaries fed by primaries' terminals.
        List<Map<String, String>> places;
        try {
            places = waitFor(holder, 40).until(d -> {
                List<Map<String, String>> rows = drawnCascade(d);
                return rows.size() == 4 ? rows : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the cascade drawn: " + drawnCascade(holder) + "; the page's console: " + Browsers.console(holder), e);
        }
        assertEquals(List.of("center", "center"), places.stream().filter(r -> "1".equals(r.get("order")))
                .map(r -> r.get("fedBy")).toList());
        List<String> primarySerials = places.stream().filter(r -> "1".equals(r.get("order"))).map(r -> r.get("serial")).toList();
        assertTrue(places.stream().filter(r -> "2".equals(r.get("order"))).allMatch(r -> primarySerials.contains(r.get("fedBy"))),
                "secondaries fed by primaries: " + places);
        assertTrue(Long.parseLong(holder.findElement(By.id("cascade-upload")).getAttribute("data-bytes")) > 0);
        waitFor(holder, 20).until(d -> !d.findElements(By.cssSelector("#cascade-delays li[data-order='2']")).isEmpty());

        // And so does the operator's console.
        WebDriver operator = Browsers.open();
        drivers.add(operator);
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        operator.get(base + "operator/live");
        Browsers.clickForNewPage(operator, By.cssSelector("#operator-live tr[data-event='" + eventId + "'] a"));
        waitFor(operator, 20).until(d -> drawnCascade(d).size() == 4);

        // The primary feeding the first secondary closes its page: the center gives the secondary to the other primary.
        WebDriver leaving = primaries.stream().filter(p -> fedFirst.equals(attribute(p, "watch", "data-application")))
                .findFirst().orElseThrow();
        WebDriver staying = primaries.stream().filter(p -> p != leaving).findFirst().orElseThrow();
        String stayingId = attribute(staying, "watch", "data-application");
        WebDriver orphan = secondaries.get(0);
        long before = number(orphan, "watch-state", "data-segments");
        long lastPlayed = number(orphan, "watch-state", "data-played-at");
        leaving.quit();
        waitFor(orphan, 20).until(d -> stayingId.equals(attribute(d, "watch-feed", "data-from")));
        waitFor(orphan, 40).until(d -> number(d, "watch-state", "data-segments") > before);
        long resumed = number(orphan, "watch-state", "data-played-at");
        waitFor(orphan, 40).until(d -> number(d, "watch-state", "data-segments") >= before + 3);
        double at = playing(orphan);
        waitFor(orphan, 20).until(d -> playing(d) > at + 1.0);
        assertEquals(0, number(orphan, "watch-state", "data-from-center"), "the reconnected secondary is fed by the other primary");
        assertTrue(number(staying, "watch-feed", "data-relaying") == 2, "the staying primary relays to both secondaries");
        System.out.println("LiveRelayIT: reconnection gap (last segment played before the primary left to the "
                + "first after) " + (resumed - lastPlayed) + " ms; secondary behind "
                + number(secondaries.get(1), "watch-state", "data-behind-ms") + " ms, primary behind "
                + number(staying, "watch-state", "data-behind-ms") + " ms");
        Map<String, Object> after = json(holder, base + "api/live/events/" + eventId + "/air");
        assertEquals(stayingId, terminal(after, attribute(orphan, "watch", "data-application")).get("fedBy"));
        assertEquals(false, terminal(after, fedFirst).get("online"));
        assertEquals(0L, ((Number) terminal(after, attribute(orphan, "watch", "data-application")).get("centerBytes")).longValue());

        // The second secondary (automatic reconnection) loses its channel: it rejoins by itself and plays on.
        WebDriver cut = secondaries.get(1);
        long cutAt = number(cut, "watch-state", "data-segments");
        ((JavascriptExecutor) cut).executeScript("window.__channels.forEach((c) => c.close());");
        waitFor(cut, 10).until(d -> "closed".equals(attribute(d, "watch", "data-channel")));
        waitFor(cut, 20).until(d -> "open".equals(attribute(d, "watch", "data-channel")));
        waitFor(cut, 30).until(d -> number(d, "watch-state", "data-segments") >= cutAt + 3);
        assertEquals("terminal", attribute(cut, "watch-feed", "data-feed"), "fed by a terminal again after rejoining");

        // A terminal signalling to a viewer it does not feed is refused, and the refusal recorded.
        String other = attribute(secondaries.get(1), "watch", "data-application");
        Object reason = script(orphan, "const ws = new WebSocket(location.origin.replace('http', 'ws') + arguments[0]);"
                + "ws.onopen = () => ws.send(JSON.stringify({type: 'join', event: arguments[1]}));"
                + "ws.onmessage = (e) => { const f = JSON.parse(e.data);"
                + " if (f.type === 'place') ws.send(JSON.stringify({type: 'signal', to: arguments[2], data: {candidate: {}}}));"
                + " if (f.type === 'error') { done(f.reason); ws.close(); } };",
                new URL(base, "live/channel").getPath(), eventId, other);
        assertEquals("live.channel.notLinked", reason);
        waitFor(holder).until(ExpectedConditions.elementToBeClickable(By.id("air-stop"))).click();
        Browsers.hasAttribute(holder, By.id("air"), "data-on-air", "false");
        holder.navigate().refresh();
        assertTrue(holder.findElements(By.cssSelector("#refusals tr")).stream().anyMatch(r -> r.getText().contains("signal to " + other)));

        // The broadcast ends: the staying primary, which relayed to both secondaries, is refunded 1 yen per segment
        // both ends reported; the secondaries relayed nothing and get nothing. Ending again credits nothing more.
        // The viewers' last reports (every 5 s): each has reported after the broadcast stopped and after its last segment.
        for (WebDriver v : Stream.concat(Stream.of(staying), secondaries.stream()).toList()) {
            long stoppedAt = ((Number) ((JavascriptExecutor) v).executeScript("return Date.now()")).longValue();
            waitFor(v, 30).withMessage("the viewer's report after the broadcast stopped").until(d -> {
                long reportedAt = Long.parseLong(Objects.requireNonNullElse(attribute(d, "watch", "data-reported-at"), "0"));
                long playedAt = Long.parseLong(Objects.requireNonNullElse(attribute(d, "watch-state", "data-played-at"), "0"));
                return reportedAt > stoppedAt && reportedAt > playedAt;
            });
        }
        long stayingBefore = balance(staying);
        List<Long> secondariesBefore = secondaries.stream().map(LiveRelayIT::balance).toList();
        Browsers.clickForNewPage(holder, By.id("air-end"));
        String flash = visible(holder, By.cssSelector(".flash")).getText();
        long refunded = balance(staying) - stayingBefore;
        assertTrue(refunded >= 10, "refunded " + refunded + " yen: " + flash);
        assertTrue(flash.contains("refunded"), flash);
        assertEquals(secondariesBefore, secondaries.stream().map(LiveRelayIT::balance).toList());
        Browsers.clickForNewPage(holder, By.id("air-end"));
        visible(holder, By.cssSelector(".flash"));
        assertEquals(stayingBefore + refunded, balance(staying), "a refund is credited once");
        // and recorded as one mail to its applicant, saying what it is for (sent when the tests' SMTP server is up)
        Center http = new Center(base);
        List<String> refundMails = new ArrayList<>();
        for (String address : List.of("aki@example.org", "bo@example.org")) {
            Center.json(http.get("testing/live-story?mails=" + address)).getJsonArray("mails").stream().map(m -> m.asJsonObject())
                    .filter(m -> m.getString("key").equals("live-refund:" + stayingId)).forEach(m -> refundMails.add(m.getString("subject")));
        }
        assertEquals(List.of(String.format("Refund credited, %,d yen: ", refunded)), refundMails.stream()
                .map(subject -> subject.substring(0, subject.indexOf(':') + 2)).toList(), "one refund mail: " + refundMails);
        System.out.println("LiveRelayIT: refund to the staying primary " + refunded + " yen; " + flash);

        // The staying primary watches the event again from "my library", every kept segment checked against the
        // center's hashes first; a kept segment changed in the browser is caught and nothing plays.
        Browsers.load(staying, base + "terminal/library");
        WebElement kept = visible(staying, By.cssSelector("#live-kept tr[data-event='" + eventId + "']"));
        assertTrue(kept.getText().contains("Relay " + suffix), kept.getText());
        waitFor(staying).until(ExpectedConditions.elementToBeClickable(kept.findElement(By.cssSelector("button.replay")))).click();
        waitFor(staying, 30).until(d -> "played".equals(attribute(d, "live-replay-state", "data-result")));
        waitFor(staying, 20).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return document.getElementById('live-replay').currentTime")).doubleValue() > 1.0);
        script(staying, "indexedDB.open('cascade').onsuccess = (e) => { const tx = e.target.result.transaction('live', 'readwrite');"
                + " tx.objectStore('live').put(new Uint8Array([1, 2, 3]).buffer, arguments[0] + '/1'); tx.oncomplete = () => done(true); };",
                eventId);
        staying.navigate().refresh();
        Browsers.ready(staying);
        waitFor(staying).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#live-kept tr[data-event='" + eventId + "'] button.replay"))).click();
        waitFor(staying, 30).until(d -> "forged".equals(attribute(d, "live-replay-state", "data-result")));
        assertTrue(staying.findElement(By.id("live-replay-state")).getText().startsWith("Segment 1 does not match"));
    }

    private static long balance(WebDriver d) {
        return ((Number) json(d, d.getCurrentUrl().replaceAll("/live/watch.*", "/api/terminal/records")).get("balance")).longValue();
    }
}
