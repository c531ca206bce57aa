package org.cascade.live.web;

import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Going on air in real browsers: the sponsor's page publishes Chromium's test camera as WebM
 * segments; two primary viewers and a secondary one play the stream through Media Source
 * Extensions, each segment checked against the center's hash and kept in the browser, the
 * secondary the order's interval behind; a publisher who is not the sponsor, and a segment out of
 * order, are refused and recorded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveOnAirIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void close() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver viewer(Center.Clerk clerk, String eventId, String name, int order) throws Exception {
        WebDriver d = Browsers.open();
        drivers.add(d);
        Terminals.insert(d, base, Terminals.sell(base, clerk, 1_000, "air-password"), "air-password");
        LivePages.applyToRelay(d, base, eventId, name, order, false);
        return d;
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];" + js, args);
    }

    private static long number(WebDriver d, String id, String attribute) {
        String v = d.findElement(By.id(id)).getAttribute(attribute);
        return v == null ? 0 : Long.parseLong(v);
    }

    @Test
    void theSponsorsCameraPlaysAtEveryViewerAndTheSecondaryOrderLagsByTheInterval() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebDriver holder = Browsers.openWithCamera();
        drivers.add(holder);
        LivePages.newHolder(holder, base, "air-" + suffix);
        // every order first come; the secondary order 5 s behind the primary
        String eventId = LivePages.onAirEvent(holder, base, "On air " + suffix, 2, 5, 0);

        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Air " + suffix);
        WebDriver first = viewer(clerk, eventId, "Aki", 1);
        WebDriver second = viewer(clerk, eventId, "Bo", 1);
        WebDriver later = viewer(clerk, eventId, "Cho", 2);

        // On air with the test camera.
        Browsers.clickForNewPage(holder, By.id("air-link"));
        Browsers.ready(holder);
        new Select(visible(holder, By.id("air-pattern"))).selectByValue("entirety");
        waitFor(holder).until(ExpectedConditions.elementToBeClickable(By.id("air-start"))).click();
        waitFor(holder, 30).until(d -> number(d, "air-state", "data-sent") >= 3);

        for (WebDriver v : List.of(first, second, later)) {
            Browsers.load(v, base + "live/watch?id=" + eventId);
        }
        for (WebDriver v : List.of(first, second)) {
            waitFor(v, 30).until(d -> number(d, "watch-state", "data-segments") >= 3);
            assertEquals("0", v.findElement(By.id("watch-state")).getAttribute("data-rejected"));
            waitFor(v, 20).until(d -> ((Number) ((JavascriptExecutor) d)
                    .executeScript("return document.getElementById('live-video').currentTime")).doubleValue() > 1.0);
        }
        assertTrue(Browsers.showsThat(later, By.id("watch-place"), "the secondary's place",
                        t -> t.startsWith("Secondary, 5 s after the center")).getText().startsWith("Secondary, 5 s after the center"),
                later.findElement(By.id("watch-place")).getText());
        waitFor(later, 40).until(d -> number(d, "watch-state", "data-segments") >= 2);
        long behind = number(later, "watch-state", "data-behind-ms");
        assertTrue(behind >= 4_500, "the secondary plays the interval behind: " + behind + " ms");
        waitFor(later, 20).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return document.getElementById('live-video').currentTime")).doubleValue() > 0.5);

        // Every viewer keeps what it played.
        Number kept = (Number) script(first, "indexedDB.open('cascade').onsuccess = (e) => {"
                + " const r = e.target.result.transaction('live').objectStore('live').count(); r.onsuccess = () => done(r.result); };");
        assertTrue(kept.longValue() >= 3, "segments kept: " + kept);

        // A terminal that is not the sponsor cannot publish, and the sponsor cannot skip ahead: both refused and recorded.
        Object notSponsor = script(first, "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/octet-stream',"
                + " 'X-CSRF-Token': document.querySelector('meta[name=\"csrf-token\"]').content}, body: new Uint8Array([1, 2, 3])})"
                + ".then(r => done(r.status));", base + "api/live/events/" + eventId + "/segments/entirety/9999");
        assertEquals(403L, ((Number) notSponsor).longValue());
        Object skipped = script(holder, "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/octet-stream',"
                + " 'X-CSRF-Token': document.querySelector('meta[name=\"csrf-token\"]').content}, body: new Uint8Array([1, 2, 3])})"
                + ".then(r => r.json()).then(j => done(j.message));", base + "api/live/events/" + eventId + "/segments/entirety/9999");
        assertTrue(String.valueOf(skipped).startsWith("Segment 9999 is out of order"), String.valueOf(skipped));
        waitFor(holder).until(ExpectedConditions.elementToBeClickable(By.id("air-stop"))).click();
        Browsers.hasAttribute(holder, By.id("air"), "data-on-air", "false");
        holder.navigate().refresh();
        assertEquals(2, holder.findElements(By.cssSelector("#refusals tr")).size());
    }
}
