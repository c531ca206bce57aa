package org.cascade.swarm.web;

import static org.cascade.testing.Browsers.ready;
import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.cascade.testing.TerminalPages.bytes;
import static org.cascade.testing.TerminalPages.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.ScriptedTerminal;
import org.cascade.testing.TerminalPages;
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

/**
 * Three people in three headless Chromiums share a content peer-to-peer on one Liberty: A gets
 * it from the center (nobody else has it), C from A, then B from one of them over a WebRTC data
 * channel; the distributor's page is closed halfway and B completes from the other, charged
 * exactly the unit cost in all, with no byte from the center; both distributors earn; B plays it
 * from its library. A distributor that sends corrupted pieces (a scripted terminal, through the
 * relay) is cut off and the receiver completes from the center. A user without the balance gets
 * the alert and no link.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DistributionStoryIT {

    private static final Logger LOG = Logger.getLogger(DistributionStoryIT.class.getName());
    static final int PIECE = 256 * 1024;
    static final int PIECES = 8;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    final List<WebDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(WebDriver::quit);
    }

    WebDriver person(Center.Clerk clerk, long balance, String password) throws Exception {
        WebDriver d = Browsers.open();
        browsers.add(d);
        Terminals.insert(d, base, Terminals.sell(base, clerk, balance, password), password);
        return d;
    }

    void openContent(WebDriver d, String id) {
        TerminalPages.openContent(d, base, id);
    }

    void receive(WebDriver d) {
        waitFor(d).until(ExpectedConditions.elementToBeClickable(By.id("receive"))).click();
    }

    /** Opens the content's page, presses Receive, and waits until the content is whole in the browser. */
    void receiveWhole(WebDriver d, String id) {
        openContent(d, id);
        receive(d);
        awaitComplete(d, 60);
    }

    void awaitComplete(WebDriver d, int seconds) {
        try {
            waitFor(d, seconds).until(x -> "complete".equals(state(x)));
        } catch (org.openqa.selenium.TimeoutException e) {
            for (WebDriver w : browsers) {
                LOG.warning("browser " + browsers.indexOf(w) + " at " + w.getCurrentUrl() + ": transfer "
                        + w.findElements(By.id("transfer")).stream().map(t -> t.getAttribute("data-state") + " "
                        + t.getAttribute("data-percent") + "%").toList() + "\n" + Browsers.console(w));
            }
            throw e;
        }
    }

    /** Caps the terminal's upload on its sharing settings, so that a transfer takes a few seconds. */
    void capUpload(WebDriver d, int kibPerSecond) {
        TerminalPages.capUpload(d, base, kibPerSecond);
    }

    long balance(WebDriver d) {
        Object yen = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/api/terminal/records', {headers: {Accept: 'application/json'}})"
                        + ".then(r => r.json()).then(j => done(j.balance)).catch(e => done(-1));");
        return ((Number) yen).longValue();
    }

    JsonArray earnings(WebDriver d) {
        Object text = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/api/terminal/earnings', {headers: {Accept: 'application/json'}})"
                        + ".then(r => r.text()).then(done).catch(e => done('[]'));");
        return Json.createReader(new StringReader((String) text)).readArray();
    }

    long earned(WebDriver d, String content) {
        return earnings(d).stream().map(v -> v.asJsonObject()).filter(o -> o.getString("content").equals(content))
                .mapToLong(o -> o.getJsonNumber("earned").longValue()).sum();
    }

    @Test
    void threeTerminalsShareAContentAndAnInterruptedTransferCompletesFromAnother() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Swarm");
        Contents.Registered content = Contents.register(base, "Swarmed", PIECES * PIECE, 1000, 10);
        WebDriver a = person(clerk, 5000, "person-a");
        WebDriver c = person(clerk, 5000, "person-c");
        WebDriver b = person(clerk, 5000, "person-b");

        // A: nobody holds it, so the center sends it (origin).
        receiveWhole(a, content.id());
        assertEquals(PIECES * PIECE, bytes(a, "origin"));
        assertEquals(0, bytes(a, "p2p"));

        // C: from A, directly.
        receiveWhole(c, content.id());
        assertEquals(PIECES * PIECE, bytes(c, "p2p"), "C received everything from A's browser");
        assertEquals(0, bytes(c, "origin"));
        waitFor(c, 10).until(x -> balance(x) <= 4000);
        waitFor(a, 10).until(x -> earned(x, content.id()) >= 100);
        long earnedByAFromC = earned(a, content.id());
        assertEquals(100, earnedByAFromC, "A earned exactly 10 % of 1,000 yen by sending C the whole content");
        // A's own records name C's media and say the content was sent, in both languages.
        String cSerial = serial(c);
        assertRecordsOfContentSent(a, "en", "Content sent", cSerial, content.id());
        assertRecordsOfContentSent(a, "ja", "コンテンツ送信", cSerial, content.id());

        // Both distributors cap their upload, so that B's transfer takes a while; both stay on a page that serves.
        capUpload(a, 256);
        capUpload(c, 256);
        waitFor(a, 20).until(x -> x.findElement(By.tagName("body")).getAttribute("data-terminal") != null);
        waitFor(c, 20).until(x -> x.findElement(By.tagName("body")).getAttribute("data-terminal") != null);
        String aTerminal = a.findElement(By.tagName("body")).getAttribute("data-terminal");
        String cTerminal = c.findElement(By.tagName("body")).getAttribute("data-terminal");

        openContent(b, content.id());
        receive(b);
        waitFor(b, 30).until(x -> Integer.parseInt(x.findElement(By.id("transfer")).getAttribute("data-percent")) >= 25);
        String sources = b.findElement(By.id("transfer-sources")).getAttribute("data-partners");
        WebDriver first = sources.contains(aTerminal) ? a : c;
        WebDriver second = first == a ? c : a;
        assertTrue(sources.contains(aTerminal) || sources.contains(cTerminal), sources);
        int percentAtClose = Integer.parseInt(b.findElement(By.id("transfer")).getAttribute("data-percent"));
        LOG.info("closing the first distributor's page at " + percentAtClose + " %");
        assertTrue(percentAtClose < 100, "closed halfway");
        first.quit();
        browsers.remove(first);

        awaitComplete(b, 90);
        long p2p = bytes(b, "p2p");
        long relay = bytes(b, "relay");
        long origin = bytes(b, "origin");
        LOG.info("B's bytes by path: p2p " + p2p + ", relay " + relay + ", origin " + origin);
        assertEquals(PIECES * PIECE, p2p + relay, "B received everything from terminals");
        assertEquals(0, origin, "not one byte of B's from the center");
        // The last settlement follows the last piece by a report or two.
        waitFor(b, 10).until(x -> balance(x) <= 4000);
        assertEquals(4000, balance(b), "exactly the unit cost, however many distributors it took");
        long secondEarned = earned(second, content.id()) - (second == a ? earnedByAFromC : 0);
        assertTrue(secondEarned > 0, "the distributor that completed B's transfer earned");
        assertTrue(balance(second) > (second == a ? 4000 + earnedByAFromC : 4000), "its media holds what it earned");

        // B plays it from its library: the originality is checked, nothing more is charged.
        b.get(base + "terminal/library");
        ready(b);
        waitFor(b).until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-content='" + content.id() + "'] button.play"))).click();
        waitFor(b, 30).until(x -> content.id().equals(x.findElement(By.id("player")).getAttribute("data-played")));
        assertEquals(4000, balance(b));

        String operator = Center.asOperator(base).get("operator", "text/html").body();
        assertTrue(operator.contains("id=\"bytes-by-path\""), "the operator sees the bytes by path");

        // The holder's figures: three receptions, two of them (C's and B's) from terminals.
        Center holder = new Center(base);
        holder.signIn(content.holder(), content.holderPassword());
        List<String> figures = holderFigures(holder.get("holder", "text/html").body(), content.id());
        assertEquals("3", figures.get(1), "receptions " + figures);
        assertEquals("2", figures.get(2), "redistributions " + figures);
        // "Most received first" puts it before every content received less.
        JsonArray popular = contentsList(b, "POPULAR");
        long previous = Long.MAX_VALUE;
        boolean found = false;
        for (JsonObject item : popular.getValuesAs(JsonObject.class)) {
            if (item.getBoolean("sponsored")) {
                continue; // a bought preferential position comes first whatever the sort (another test's content)
            }
            long receptions = item.getJsonNumber("receptions").longValue();
            assertTrue(receptions <= previous, "most received first: " + popular);
            previous = receptions;
            if (item.getString("id").equals(content.id())) {
                assertEquals(3, receptions);
                found = true;
            }
        }
        assertTrue(found || popular.stream().allMatch(v -> v.asJsonObject().getJsonNumber("receptions").longValue() >= 3), popular.toString());
    }

    /** The media's serial, as its records page names it. */
    String serial(WebDriver d) {
        String heading = (String) ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/terminal/records', {headers: {'Accept-Language': 'en'}})"
                        + ".then(r => r.text()).then(html => done(new DOMParser().parseFromString(html, 'text/html')"
                        + ".querySelector('h1').textContent.trim())).catch(e => done(''));");
        return heading.substring(heading.lastIndexOf(' ') + 1);
    }

    /**
     * The records page in the given language, read by the browser: the accounting and history
     * rows of the content sent name the receiving media and say so.
     */
    void assertRecordsOfContentSent(WebDriver d, String language, String reason, String partner, String contentId) {
        Object text = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/terminal/records', {headers: {'Accept-Language': arguments[0]}})"
                        + ".then(r => r.text()).then(html => {"
                        + "  const page = new DOMParser().parseFromString(html, 'text/html');"
                        + "  const rows = (id) => [...page.querySelectorAll('#' + id + ' tbody tr')].map(tr => [...tr.cells].map(td => td.textContent.trim()));"
                        + "  done(JSON.stringify({accounting: rows('accounting'), history: rows('history')}));"
                        + "}).catch(e => done('{}'));", language);
        JsonObject records = Json.createReader(new StringReader((String) text)).readObject();
        List<JsonArray> sent = records.getJsonArray("accounting").getValuesAs(JsonArray.class).stream()
                .filter(r -> r.getString(5).equals(reason)).toList();
        assertTrue(!sent.isEmpty(), language + ": no accounting record of content sent in " + records);
        sent.forEach(r -> assertEquals(partner, r.getString(4), language + ": " + r));
        List<JsonArray> events = records.getJsonArray("history").getValuesAs(JsonArray.class).stream()
                .filter(r -> r.getString(2).equals(reason)).toList();
        assertEquals(sent.size(), events.size(), language + ": " + records);
        events.forEach(r -> {
            assertEquals(partner, r.getString(3), language + ": " + r);
            assertEquals(contentId, r.getString(4), language + ": " + r);
        });
    }

    /** The numeric cells of the content's row on the holder's home page: unit cost, receptions, redistributions, earnings… */
    static List<String> holderFigures(String html, String contentId) {
        int row = html.indexOf("data-content=\"" + contentId + "\"");
        assertTrue(row >= 0, "the holder's page lists " + contentId);
        String tr = html.substring(row, html.indexOf("</tr>", row));
        List<String> cells = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(tr);
        while (m.find()) {
            cells.add(m.group(1).trim());
        }
        return cells;
    }

    /** The signed-in terminal's list of contents in the given order (first page). */
    JsonArray contentsList(WebDriver d, String sort) {
        Object text = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/api/contents?sort=' + arguments[0], {headers: {Accept: 'application/json'}})"
                        + ".then(r => r.text()).then(done).catch(e => done('{}'));", sort);
        return Json.createReader(new StringReader((String) text)).readObject().getJsonArray("items");
    }

    @Test
    void aReceiverTakesPiecesFromTwoDistributorsAtOnceAndEachIsPaidForItsOwn() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Pair");
        // 100 yen a piece, 10 yen of it to the distributor: every piece's share is a whole yen.
        Contents.Registered content = Contents.register(base, "Paired", PIECES * PIECE, 800, 10);
        WebDriver a = person(clerk, 5000, "person-pa");
        WebDriver c = person(clerk, 5000, "person-pc");
        WebDriver d = person(clerk, 5000, "person-pd");
        receiveWhole(a, content.id());
        receiveWhole(c, content.id());
        long aBefore = earned(a, content.id());
        long cBefore = earned(c, content.id());
        capUpload(a, 128);
        capUpload(c, 128);

        // The operator watches the console; its figures follow the transfer without a reload.
        WebDriver op = Browsers.open();
        browsers.add(op);
        op.get(base + "signin");
        type(op, By.id("username"), "operator");
        type(op, By.id("password"), Center.operatorPassword(base));
        Browsers.clickForNewPage(op, By.id("signin"));
        waitFor(op).until(x -> !x.getCurrentUrl().contains("/signin"));
        op.get(base + "operator");
        ready(op);
        long p2pBefore = Long.parseLong(op.findElement(By.cssSelector("#bytes-by-path td[data-path='p2p']")).getAttribute("data-bytes"));

        receiveWhole(d, content.id());
        assertEquals(PIECES * PIECE, bytes(d, "p2p"), "everything from the two terminals");
        waitFor(d, 10).until(x -> balance(x) <= 4200);
        assertEquals(4200, balance(d), "the unit cost, once");
        waitFor(d, 10).until(x -> earned(a, content.id()) - aBefore + earned(c, content.id()) - cBefore == 80);
        long fromA = earned(a, content.id()) - aBefore;
        long fromC = earned(c, content.id()) - cBefore;
        LOG.info("D's distributors earned: A " + fromA + " yen, C " + fromC + " yen");
        assertTrue(fromA > 0 && fromC > 0, "both sent pieces at once: A " + fromA + ", C " + fromC);
        assertEquals(0, fromA % 10, "10 yen for each piece A sent");
        assertEquals(0, fromC % 10, "10 yen for each piece C sent");

        waitFor(op, 15).until(x -> Long.parseLong(x.findElement(By.cssSelector("#bytes-by-path td[data-path='p2p']"))
                .getAttribute("data-bytes")) >= p2pBefore + PIECES * PIECE);
        assertTrue(op.findElement(By.id("origin-state")).getText().contains("%"), op.findElement(By.id("origin-state")).getText());
    }

    @Test
    void aUserPlaysWhileReceivingAndThePiecesComeInOrder() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Stream");
        Contents.Registered content = Contents.register(base, "Streamed", PIECES * PIECE, 800, 10);
        WebDriver a = person(clerk, 5000, "person-sa");
        WebDriver v = person(clerk, 5000, "person-sv");
        receiveWhole(a, content.id());
        capUpload(a, 128); // two seconds a piece: the order shows

        openContent(v, content.id());
        waitFor(v).until(ExpectedConditions.elementToBeClickable(By.id("play-receiving"))).click();
        waitFor(v, 10).until(x -> "running".equals(state(x)));
        int[] underWay = {0};
        // Looked at every 300 ms until the content is complete.
        waitFor(v, 120).pollingEvery(Duration.ofMillis(300)).withMessage("the streamed content to be complete").until(x -> {
            // Both figures from one moment of the page.
            String seen = (String) ((JavascriptExecutor) x).executeScript(
                    "const t = document.getElementById('transfer'); return (t.dataset.havePieces ?? '') + '/' + (t.dataset.inOrderPieces ?? '');");
            String[] figures = seen.split("/", -1);
            if (!figures[0].isEmpty() && Integer.parseInt(figures[0]) > 0) {
                assertEquals(figures[0], figures[1], "every piece so far follows the one before (held / in order: " + seen + ")");
                underWay[0]++;
            }
            return "complete".equals(state(x));
        });
        int checks = underWay[0];
        assertTrue(checks >= 3, "seen under way " + checks + " times");
        assertEquals(content.id(), v.findElement(By.id("stream-player")).getAttribute("src").replaceAll(".*/stream/", ""));

        // What the player was given is the content, byte for byte, whole or from a byte on.
        Object whole = ((JavascriptExecutor) v).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/stream/' + arguments[0])"
                        + ".then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))"
                        + ".then(h => done(Array.from(new Uint8Array(h), x => x.toString(16).padStart(2, '0')).join('')))"
                        + ".catch(e => done('failed: ' + e.message));", content.id());
        assertEquals(sha256(content.bytes(), 0), whole);
        Object tail = ((JavascriptExecutor) v).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.documentElement.dataset.context + '/stream/' + arguments[0], {headers: {Range: 'bytes=300000-'}})"
                        + ".then(async r => { const b = await r.arrayBuffer(); const h = await crypto.subtle.digest('SHA-256', b);"
                        + " done(r.status + ' ' + Array.from(new Uint8Array(h), x => x.toString(16).padStart(2, '0')).join('')); })"
                        + ".catch(e => done('failed: ' + e.message));", content.id());
        assertEquals("206 " + sha256(content.bytes(), 300000), tail);
        waitFor(v, 10).until(x -> balance(x) <= 4200);
        assertEquals(4200, balance(v), "the unit cost, once");
    }

    static String sha256(byte[] bytes, int from) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
        return java.util.HexFormat.of().formatHex(h);
    }

    @Test
    void aDistributorSendingCorruptedPiecesIsCutOffAndTheReceiverCompletesElsewhere() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Guard");
        Contents.Registered content = Contents.register(base, "Guarded", 4 * PIECE, 400, 10);
        ScriptedTerminal cheat = ScriptedTerminal.open(base, clerk, 5000);
        cheat.receiveFromOrigin(content.id(), 4, content.bytes());
        cheat.holdsAll(content.id(), 4);

        WebDriver honest = person(clerk, 5000, "person-honest");
        openContent(honest, content.id());
        receive(honest);
        JsonObject toCheat = cheat.channel().next("link");
        String link = toCheat.getString("link");
        int[] asked = ScriptedTerminal.pieces(4, toCheat.getString("pieces"));
        // The cheat never answers the browser's offer: after a few seconds the browser asks for the relay.
        assertEquals(link, cheat.channel().next("relay").getString("link"));
        for (int k = 0; k < 3; k++) {
            int piece = asked[k % asked.length]; // a piece that failed is still to come: the cheat tries it again
            byte[] garbage = new byte[PIECE];
            java.util.Arrays.fill(garbage, (byte) (piece + 1));
            cheat.channel().sendBinary(java.nio.ByteBuffer.allocate(40 + PIECE)
                    .put(link.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(piece).put(garbage).array());
        }
        assertEquals("cut-off", cheat.channel().next("closed").getString("reason"), "three pieces failed: cut off");

        // The browser asks again, and the center sends it the content itself.
        awaitComplete(honest, 60);
        assertEquals(4 * PIECE, bytes(honest, "origin"));
        assertEquals(0, bytes(honest, "relay"), "no failed piece was kept or counted");
        waitFor(honest, 10).until(x -> balance(x) <= 4600);
        assertEquals(4600, balance(honest), "charged the unit cost once, for the pieces that were good");
        String page = Center.asOperator(base).get("operator", "text/html").body();
        assertTrue(page.substring(page.indexOf("id=\"cut-off\"")).contains("data-serial=\"" + cheat.serial() + "\""));
    }

    @Test
    void aUserWithoutTheBalanceGetsTheAlertAndNoLink() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Short");
        Contents.Registered content = Contents.register(base, "Costly", 2 * PIECE, 1500, 10);
        WebDriver poor = person(clerk, 600, "person-poor");
        openContent(poor, content.id());
        receive(poor);
        String alert = visible(poor, By.id("receive-alert")).getText();
        assertTrue(alert.contains("900"), alert);
        // The alert ends the reception: the engine asks no more for it.
        waitFor(poor).withMessage("the reception to end in the alert state").until(x -> "alert".equals(state(x)));
        assertEquals(0, bytes(poor, "origin") + bytes(poor, "p2p") + bytes(poor, "relay"), "nothing was sent");
        assertEquals(600, balance(poor));
    }
}
