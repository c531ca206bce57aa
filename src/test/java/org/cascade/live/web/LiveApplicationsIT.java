package org.cascade.live.web;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The applications story in real browsers (FIG. 17–23): a holder opens applications for an
 * event whose single primary place is by lottery; three users apply to different orders and
 * cameras; the lottery closes (the center's clock is set ahead), is drawn and published; a user
 * recomputes it in the browser and the test recomputes it again from the published seed; the
 * winner and the secondary are charged, the loser is offered the orders with room and takes one,
 * and is charged once its relay is set. Bad applications are refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveApplicationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSetClock();
    }

    @ArquillianResource
    URL base;

    final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void close() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver browser() {
        WebDriver d = Browsers.open();
        drivers.add(d);
        return d;
    }

    private WebDriver user(Center.Clerk clerk, long balance) throws Exception {
        WebDriver d = browser();
        Terminals.insert(d, base, Terminals.sell(base, clerk, balance, "live-password"), "live-password");
        return d;
    }

    private void apply(WebDriver d, String eventId, String name, int order, String pattern, boolean redistribution) {
        if (!d.getCurrentUrl().endsWith("/live/event?id=" + eventId)) {
            d.get(base + "live/event?id=" + eventId);
        }
        type(d, By.id("name"), name);
        type(d, By.id("email"), name.toLowerCase() + "@example.org");
        d.findElement(By.id("order-" + order)).click();
        new Select(d.findElement(By.id("edit-pattern"))).selectByValue(pattern);
        if (redistribution) {
            d.findElement(By.id("redistribution-allowed")).click();
        }
        Browsers.clickForNewPage(d, By.id("apply-submit"));
    }

    private long balance(WebDriver d) {
        d.get(base + "terminal/home");
        return Long.parseLong(visible(d, By.id("balance")).getAttribute("data-yen"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void usersApplyTheLotteryIsVerifiedFromItsSeedAndTheLoserTakesAnotherOrder() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebDriver holder = browser();
        LivePages.newHolder(holder, base, "apply-" + suffix);
        // one server stream: a single primary place; demand high, ability low: the first two orders by lottery
        LocalDateTime now = LivePages.centerNow(base);
        Map<String, String> form = LivePages.event("Lottery night " + suffix, now.toLocalDate().plusDays(30) + "T19:00", "3");
        form.put("server-streams", "1");
        String eventId = LivePages.register(holder, base, form);

        // Applications open: lottery orders close in three minutes; vocal and drum fold below half the applicants.
        String closing = now.plusMinutes(3).truncatedTo(ChronoUnit.MINUTES).toString();
        LivePages.dateTime(holder, By.id("lottery-closes-at"), closing);
        type(holder, By.id("patterns"), "vocal, drum");
        type(holder, By.id("fold-below"), "50");
        type(holder, By.id("primary-set-count"), "1");
        type(holder, By.id("refund-per-segment"), "1");
        Browsers.clickForNewPage(holder, By.id("open-submit"));
        assertEquals("Applications are open.", visible(holder, By.cssSelector(".flash")).getText());
        String commitment = holder.findElement(By.cssSelector("#commitment code")).getText();
        assertTrue(commitment.matches("[0-9a-f]{64}"), commitment);

        // The added information: a comment; a preview that is not one of the sponsor's listed contents is refused.
        type(holder, By.id("event-comment"), "Our first hall tour in years.");
        ((JavascriptExecutor) holder).executeScript("const s = document.getElementById('preview-content');"
                + "s.add(new Option('forged', 'CT-FORGED')); s.value = 'CT-FORGED';");
        Browsers.clickForNewPage(holder, By.id("describe-submit"));
        assertEquals("There is no content CT-FORGED.", visible(holder, By.cssSelector(".errors li")).getText());
        holder.get(base + "holder/live/event?id=" + eventId);
        type(holder, By.id("event-comment"), "Our first hall tour in years.");
        Browsers.clickForNewPage(holder, By.id("describe-submit"));
        assertEquals("The added information was saved.", visible(holder, By.cssSelector(".flash")).getText());

        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Live " + suffix);
        WebDriver aiko = user(clerk, 1_000);
        WebDriver ben = user(clerk, 1_000);
        WebDriver chie = user(clerk, 1_000);
        WebDriver dai = user(clerk, 200);

        // The list shows the event; the application screen shows the artist on top and the commitment.
        aiko.get(base + "live");
        WebElement listed = visible(aiko, By.cssSelector("[data-event='" + eventId + "']"));
        assertEquals("true", listed.getAttribute("data-affordable"));
        assertEquals("Our first hall tour in years.", listed.findElement(By.cssSelector(".comment")).getText());
        Browsers.clickForNewPage(aiko, listed.findElement(By.tagName("a")));
        assertEquals("The Cascades", visible(aiko, By.id("artist")).getText());
        assertEquals(commitment, aiko.findElement(By.cssSelector("#commitment code")).getText());

        apply(aiko, eventId, "Aiko", 1, "vocal", true);
        assertEquals("You applied for the primary distribution at 300 yen, edit pattern \u201cvocal\u201d. "
                + "You are charged when your place in the cascade is set.", visible(aiko, By.cssSelector(".flash")).getText());
        apply(ben, eventId, "Ben", 1, "drum", true);
        apply(chie, eventId, "Chie", 2, "", true);
        assertTrue(visible(chie, By.cssSelector(".flash")).getText().contains("secondary distribution at 240 yen"));

        // Refused with the reason, nothing kept: twice for one order, a balance that cannot pay.
        apply(aiko, eventId, "Aiko", 1, "vocal", true);
        assertEquals("You have already applied for distribution order 1.", visible(aiko, By.cssSelector(".errors li")).getText());
        apply(dai, eventId, "Dai", 1, "", false);
        assertEquals("This order costs 300 yen and the balance is 200 yen.", visible(dai, By.cssSelector(".errors li")).getText());
        // One media, one place per event: a second order while the first application stands.
        apply(chie, eventId, "Chie", 3, "", true);
        assertEquals("You have already applied for distribution order 2 of this event: one storage media takes one place per event.",
                visible(chie, By.cssSelector(".errors li")).getText());
        WebElement primary = dai.findElement(By.cssSelector("#apply-orders tr[data-order='1']"));
        assertEquals("2.00", primary.findElement(By.cssSelector(".ratio")).getText(), "two applicants for one place");
        assertTrue(primary.getText().contains("lottery: more applicants than places"), primary.getText());

        // The sponsor sees the tally: each designation a third of the applicants, below half, folded into the sponsor's edit.
        holder.navigate().refresh();
        assertEquals("2", holder.findElement(By.cssSelector("#standings tr[data-order='1']")).getAttribute("data-applications"));
        assertEquals("1", holder.findElement(By.cssSelector("#tally tr[data-pattern='vocal']")).getAttribute("data-count"));
        assertEquals("1", holder.findElement(By.cssSelector("#tally tr[data-pattern='drum']")).getAttribute("data-count"));
        assertEquals("1", holder.findElement(By.cssSelector("#tally tr[data-pattern='entirety']")).getAttribute("data-count"));
        assertEquals("1", holder.findElement(By.cssSelector("#tally tr[data-pattern='entirety']")).getAttribute("data-terminals"));
        assertTrue(holder.findElement(By.cssSelector("#tally tr[data-pattern='vocal']")).getText().contains("folded"));

        // The lottery closes: the center's clock moves past the closing; the schedule draws and publishes it.
        LivePages.clockAhead(base, Duration.ofMinutes(5));
        waitFor(holder, 30).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("draw-1")).isEmpty();
        });

        // A user recomputes the draw in the browser from the published seed.
        Browsers.load(aiko, base + "live/draw?id=" + eventId + "&order=1");
        waitFor(aiko).until(ExpectedConditions.elementToBeClickable(By.id("verify"))).click();
        WebElement verified = waitFor(aiko).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verify-result[data-verified]")));
        assertEquals("true", verified.getAttribute("data-verified"), verified.getText());
        assertEquals(commitment, aiko.findElement(By.id("draw-commitment")).getText(), "drawn on the seed committed to before closing");

        // And so does the test, from what the page publishes.
        byte[] seed = HexFormat.of().parseHex(aiko.findElement(By.id("draw-seed")).getText());
        assertEquals(commitment, sha256(seed));
        record Entry(String id, int tier, String ticket) {
        }
        List<Entry> entries = new ArrayList<>();
        for (WebElement e : aiko.findElements(By.cssSelector("#entries tr"))) {
            String id = e.getAttribute("data-application");
            boolean artist = Long.parseLong(e.getAttribute("data-distributions")) >= 10;
            boolean relay = Integer.parseInt(e.getAttribute("data-ability")) >= 5;
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[seed.length + idBytes.length];
            System.arraycopy(seed, 0, message, 0, seed.length);
            System.arraycopy(idBytes, 0, message, seed.length, idBytes.length);
            entries.add(new Entry(id, artist && relay ? 1 : artist || relay ? 2 : 3, sha256(message)));
        }
        assertEquals(2, entries.size());
        entries.sort(Comparator.comparingInt(Entry::tier).thenComparing(Entry::ticket).thenComparing(Entry::id));
        String winnerId = entries.get(0).id();
        assertEquals("true", aiko.findElement(By.cssSelector("#places tr[data-application='" + winnerId + "']")).getAttribute("data-won"));
        assertEquals("false", aiko.findElement(By.cssSelector("#places tr[data-application='" + entries.get(1).id() + "']"))
                .getAttribute("data-won"));

        // The JSON API publishes the same draw.
        @SuppressWarnings("unchecked")
        Map<String, Object> published = (Map<String, Object>) ((JavascriptExecutor) aiko).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.json()).then(done, e => done({error: String(e)}));",
                base + "api/live/events/" + eventId + "/draws/1");
        assertEquals(HexFormat.of().formatHex(seed), published.get("seed"), String.valueOf(published));
        assertEquals(commitment, published.get("commitment"));
        assertEquals(winnerId, ((Map<?, ?>) ((List<?>) published.get("places")).get(0)).get("application"));

        aiko.get(base + "live/event?id=" + eventId);
        boolean aikoWon = visible(aiko, By.cssSelector("#mine [data-order='1']")).getAttribute("data-application").equals(winnerId);
        WebDriver winner = aikoWon ? aiko : ben;
        WebDriver loser = aikoWon ? ben : aiko;

        // The winner and the secondary (its relay is the winner) are charged; the loser is not.
        waitFor(holder, 20).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("#applications tr[data-charged='true']")).size() == 2;
        });
        assertEquals(700, balance(winner));
        assertEquals(760, balance(chie));
        assertEquals(1_000, balance(loser));

        // The loser is told, offered the orders that still have room, and takes the tertiary.
        loser.get(base + "live/event?id=" + eventId);
        WebElement lost = visible(loser, By.cssSelector("#mine [data-order='1']"));
        assertEquals("lost", lost.findElement(By.cssSelector("[data-result]")).getAttribute("data-result"));
        List<String> offered = lost.findElements(By.cssSelector(".offer-order")).stream().map(o -> o.getAttribute("data-order")).toList();
        assertEquals(List.of("3", "4"), offered, "the lottery orders are closed; the first-come ones have room");
        assertEquals("1000", loser.findElement(By.id("available")).getAttribute("data-yen"), "a lost application owes nothing");
        apply(loser, eventId, loser == aiko ? "Aiko" : "Ben", 3, "", true);
        assertTrue(visible(loser, By.cssSelector(".flash")).getText().contains("tertiary distribution at 192 yen"));
        assertEquals(808, balance(loser), "charged at once: the secondary relays to it");

        // After closing, the primary order takes no more applications: the page no longer offers it, and a
        // form changed to send it anyway is refused by the center.
        dai.get(base + "live/event?id=" + eventId);
        assertFalse(visible(dai, By.id("order-1")).isEnabled());
        ((JavascriptExecutor) dai).executeScript("document.getElementById('order-1').disabled = false;");
        apply(dai, eventId, "Dai", 1, "", false);
        assertEquals("Applications for distribution order 1 are closed.", dai.findElement(By.cssSelector(".errors li")).getText());
        assertEquals(200, balance(dai));

        holder.navigate().refresh();
        List<WebElement> rows = holder.findElements(By.cssSelector("#applications tbody tr"));
        assertEquals(4, rows.size());
        Map<String, String> orderNames = Map.of("1", "Primary", "2", "Secondary", "3", "Tertiary");
        for (WebElement row : rows) {
            assertEquals(orderNames.get(row.getAttribute("data-order")), row.findElements(By.tagName("td")).get(1).getText(),
                    "each applicant under its own order");
        }
        assertEquals(3, rows.stream().filter(r -> "true".equals(r.getAttribute("data-charged"))).count());
        assertFalse(holder.findElements(By.id("draw-2")).isEmpty(), "the secondary lottery was drawn too");
    }

    @Test
    void aDownAuctionShowsEachOrdersRangeAndWarningsAndSellsAtTheAmountOfTheMoment() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebDriver holder = browser();
        LivePages.newHolder(holder, base, "auction-" + suffix);
        String eventId = LivePages.register(holder, base, LivePages.event("Auction night " + suffix,
                LivePages.centerNow(base).toLocalDate().plusDays(30) + "T19:00", "3"));
        holder.findElement(By.id("mode-auction")).click();
        type(holder, By.id("step-minutes"), "60");
        Browsers.clickForNewPage(holder, By.id("open-submit"));
        assertEquals("Applications are open.", visible(holder, By.cssSelector(".flash")).getText());
        assertTrue(holder.findElement(By.id("sale-mode")).getText().startsWith("Down auction"));

        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Auction " + suffix);
        WebDriver eri = user(clerk, 1_000);
        eri.get(base + "live/event?id=" + eventId);
        WebElement primary = visible(eri, By.cssSelector("#apply-orders tr[data-order='1']"));
        assertEquals("300 yen \u2192 150 yen", primary.findElement(By.cssSelector(".range")).getText());
        assertEquals("300 yen", primary.findElement(By.cssSelector(".current")).getText());
        assertEquals(List.of("300 yen \u2192 150 yen", "240 yen \u2192 120 yen", "192 yen \u2192 96 yen", "153 yen \u2192 76 yen"),
                eri.findElements(By.cssSelector("#apply-orders .range")).stream().map(WebElement::getText).toList(),
                "each order's range falls with its delay");
        assertEquals(2, eri.findElements(By.cssSelector("#auction-warnings li")).size());
        assertTrue(eri.findElement(By.id("next-step")).isDisplayed());

        // an hour later the amounts have fallen one step (a tenth of the range); the application takes that amount
        LivePages.clockAhead(base, Duration.ofMinutes(61));
        apply(eri, eventId, "Eri", 1, "", false);
        assertTrue(visible(eri, By.cssSelector(".flash")).getText().contains("primary distribution at 285 yen"),
                eri.findElement(By.cssSelector(".flash")).getText());
        assertEquals(715, balance(eri), "the sponsor's set count is one: charged at once");
    }
}
