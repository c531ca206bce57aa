package org.cascade.live.web;

import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cascade.testing.Browsers;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A holder registers a live event on the FIG. 17 form and sees how Cascade priced it: a strong
 * artist on a weak link ranks demand high and distribution low, so the 200 yen base becomes a
 * 300 yen reference price and the four orders fall from there. A refused form (a past date, no
 * camera) shows why, in the page's language, keeps what was typed and registers nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveEventConfigurationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver english;
    WebDriver japanese;

    @AfterEach
    void close() {
        for (WebDriver d : new WebDriver[] {english, japanese}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    @Test
    void holderRegistersAnEventAndSeesItsRanksPriceAndOrders() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String holderName = "live-" + suffix;
        String password = Terminals.holder(base, holderName);
        String title = "Spring tour " + suffix;
        String inFourMonths = LocalDate.now().plusDays(120) + "T19:00";

        english = Browsers.open();
        signIn(english, holderName, password);
        Browsers.clickForNewPage(english, By.id("live-events"));
        waitFor(english).until(ExpectedConditions.urlContains("/holder/live"));
        assertEquals("You have not registered a live event yet.", visible(english, By.id("live-none")).getText());
        Browsers.clickForNewPage(english, By.id("live-new"));
        waitFor(english).until(ExpectedConditions.urlContains("/holder/live/new"));

        // demand 3 × 3 × 2 = 18 (high); distribution 1 × 1 × 2 = 2 (low); 50 Mbit/s carry 16 streams of 3 Mbit/s
        LivePages.fillEvent(english, LivePages.event(title, inFourMonths, "3"));
        Browsers.clickForNewPage(english, By.id("live-submit"));
        waitFor(english).until(ExpectedConditions.urlContains("/holder/live/event?id="));
        assertTrue(visible(english, By.cssSelector(".flash")).getText().contains(title), english.getPageSource());
        assertEquals(title, english.findElement(By.tagName("h1")).getText());

        WebElement demand = english.findElement(By.cssSelector("#demand-breakdown .rank"));
        assertEquals("HIGH", demand.getAttribute("data-rank"));
        assertEquals("18", demand.getAttribute("data-product"));
        assertEquals("Product of the points: 18, rank high", demand.getText());
        assertEquals(List.of("3", "3", "2"), english.findElements(By.cssSelector("#demand-breakdown tbody tr")).stream()
                .map(r -> r.getAttribute("data-points")).toList());
        assertTrue(english.findElement(By.id("demand-breakdown")).getText().contains("entered by the sponsor"));
        WebElement ability = english.findElement(By.cssSelector("#ability-breakdown .rank"));
        assertEquals("LOW", ability.getAttribute("data-rank"));
        assertEquals("2", ability.getAttribute("data-product"));

        assertEquals("300 yen", english.findElement(By.id("reference-price")).getText());
        WebElement percent = english.findElement(By.id("reference-percent"));
        assertEquals("150", percent.getAttribute("data-percent"));
        assertTrue(percent.getText().contains("150 %"), percent.getText());

        List<WebElement> orders = english.findElements(By.cssSelector("#orders tbody tr"));
        assertEquals(4, orders.size());
        List<Long> prices = orders.stream().map(o -> Long.parseLong(o.getAttribute("data-price"))).toList();
        assertEquals(List.of(300L, 240L, 192L, 153L), prices);
        for (int i = 1; i < prices.size(); i++) {
            assertTrue(prices.get(i) < prices.get(i - 1), "each later order is cheaper: " + prices);
        }
        assertEquals(List.of("LOTTERY", "LOTTERY", "CLOSES_WHEN_FULL", "CLOSES_WHEN_FULL"),
                orders.stream().map(o -> o.getAttribute("data-rule")).toList());
        assertEquals("300 yen", orders.get(0).findElement(By.cssSelector("td.price")).getText());

        // A date in the past is refused: the form comes back with the reason and what was typed.
        english.get(base + "holder/live/new");
        LivePages.fillEvent(english, LivePages.event("Yesterday " + suffix, "2020-01-01T19:00", "3"));
        Browsers.clickForNewPage(english, By.id("live-submit"));
        assertEquals("An event starts after now and within 5 years.", visible(english, By.cssSelector(".errors li")).getText());
        assertTrue(english.getCurrentUrl().contains("/holder/live/new"), english.getCurrentUrl());
        assertEquals("Yesterday " + suffix, english.findElement(By.id("title")).getAttribute("value"));

        // In Japanese: the form's labels, and a venue without a camera refused in Japanese.
        japanese = Browsers.open("ja-JP");
        signIn(japanese, holderName, password);
        japanese.get(base + "holder/live/new");
        assertEquals("ライブイベントの登録", visible(japanese, By.tagName("h1")).getText());
        assertEquals("B. 会場情報", japanese.findElement(By.cssSelector("#fig-17b legend")).getText());
        assertEquals("カメラ台数", japanese.findElement(By.xpath("//input[@id='cameras']/preceding-sibling::span")).getText());
        LivePages.fillEvent(japanese, LivePages.event("No camera " + suffix, inFourMonths, "0"));
        Browsers.clickForNewPage(japanese, By.id("live-submit"));
        assertEquals("会場のカメラは1台以上です。", visible(japanese, By.cssSelector(".errors li")).getText());

        // Neither refusal registered anything.
        english.get(base + "holder/live");
        List<WebElement> rows = waitFor(english).until(
                ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#live-events tbody tr")));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains(title), rows.get(0).getText());
        assertEquals("300 yen", rows.get(0).findElement(By.cssSelector("td.num")).getText());
    }

    private void signIn(WebDriver driver, String username, String password) {
        LivePages.signIn(driver, base, username, password, "/holder");
    }
}
