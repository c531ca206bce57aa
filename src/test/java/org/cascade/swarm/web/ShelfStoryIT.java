package org.cascade.swarm.web;

import static org.cascade.testing.Browsers.ready;
import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.ScriptedTerminal;
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
 * Two people visit each other's shelves in two headless Chromiums: the owner keeps two contents,
 * writes news and recommends one; the visitor's list is arranged for the visitor (the one it cannot
 * afford marked with the shortfall), a content requested from it arrives from the owner's browser
 * and is settled, and the center then lists the visitor as holding it. A visit without a media is
 * refused; a shelf that arrives damaged, or not at all, is never shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShelfStoryIT {

    static final int PIECE = 256 * 1024;

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

    WebDriver browser() {
        WebDriver d = Browsers.open();
        browsers.add(d);
        return d;
    }


    static String serialOf(WebDriver d) {
        Matcher m = Pattern.compile("CM-[0-9A-Z]{4}-[0-9A-Z]{4}").matcher(d.findElement(By.cssSelector("header .who")).getText());
        assertTrue(m.find());
        return m.group();
    }

    void receiveFromPage(WebDriver d, String content) {
        d.get(base + "content?id=" + content);
        ready(d);
        waitFor(d).until(ExpectedConditions.elementToBeClickable(By.id("receive"))).click();
        waitFor(d, 60).until(x -> "complete".equals(x.findElement(By.id("transfer")).getAttribute("data-state")));
    }

    @Test
    void aVisitorGetsAShelfArrangedForItAndReceivesFromIt() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Shelves");
        Contents.Registered cheap = Contents.register(base, "Affordable", 2 * PIECE, 300, 10);
        Contents.Registered dear = Contents.register(base, "Dear", PIECE, 2000, 10);

        WebDriver owner = browser();
        Terminals.insert(owner, base, Terminals.sell(base, clerk, 5000, "owner-pw"), "owner-pw");
        String ownerSerial = serialOf(owner);
        receiveFromPage(owner, cheap.id());
        receiveFromPage(owner, dear.id());
        owner.get(base + "terminal/library");
        ready(owner);
        type(owner, By.id("shelf-news"), "Fresh from the studio");
        owner.findElement(By.id("save-sharing")).click();
        Browsers.shows(owner, By.id("library-message"), "Your sharing settings are saved.");
        By recommend = By.cssSelector("tr[data-content='" + cheap.id() + "'] input.recommend");
        Browsers.tick(owner, recommend);
        // The box is ticked at once; the recommendation is kept when the page says so, and only then
        // may the page be reloaded.
        Browsers.showsThat(owner, By.id("library-message"), "the recommendation kept", t -> t.contains("is now recommended"));
        owner.navigate().refresh(); // the owner stays on a terminal page: it serves visitors from there
        ready(owner);
        waitFor(owner, 20).until(x -> x.findElement(By.tagName("body")).getAttribute("data-terminal") != null);

        WebDriver visitor = browser();
        Terminals.insert(visitor, base, Terminals.sell(base, clerk, 1000, "visitor-pw"), "visitor-pw");
        String visitorSerial = serialOf(visitor);
        visitor.get(base + "terminal/shelf?of=" + ownerSerial);
        ready(visitor);
        waitFor(visitor, 30).until(x -> "shown".equals(x.findElement(By.tagName("body")).getAttribute("data-shelf")));
        assertEquals("Fresh from the studio", visitor.findElement(By.id("shelf-news")).getText().trim());
        List<WebElement> lines = visitor.findElements(By.cssSelector("#shelf li[data-content]"));
        assertEquals(cheap.id(), lines.get(0).getAttribute("data-content"), "the recommended one first");
        WebElement cheapLine = lines.get(0);
        assertTrue(cheapLine.getAttribute("class").contains("affordable"), cheapLine.getAttribute("class"));
        assertFalse(cheapLine.findElements(By.cssSelector(".badge.recommended")).isEmpty(), "marked recommended");
        WebElement dearLine = visitor.findElement(By.cssSelector("#shelf li[data-content='" + dear.id() + "']"));
        assertTrue(dearLine.getAttribute("class").contains("unaffordable"));
        assertTrue(dearLine.findElement(By.cssSelector(".means")).getText().contains("1,000 yen"), dearLine.getText());

        waitFor(visitor).until(ExpectedConditions.elementToBeClickable(cheapLine.findElement(By.cssSelector("button.receive")))).click();
        waitFor(visitor, 60).until(x -> "complete".equals(x.findElement(By.id("transfer")).getAttribute("data-state")));
        assertEquals(2L * PIECE, Long.parseLong(visitor.findElement(By.id("bytes-p2p")).getAttribute("data-bytes")),
                "from the owner's browser");
        assertEquals(0, Long.parseLong(visitor.findElement(By.id("bytes-origin")).getAttribute("data-bytes")));

        // Settled as any reception, and the center now lists the visitor as holding it (FIG. 15 S751).
        Center operator = Center.asOperator(base);
        waitFor(visitor, 20).until(x -> {
            try {
                String page = operator.get("operator", "text/html").body();
                int row = page.indexOf("data-serial=\"" + visitorSerial + "\"");
                return row >= 0 && page.substring(row, page.indexOf("</tr>", row)).matches("(?s).*<td>1</td>.*");
            } catch (Exception e) {
                return false;
            }
        });
        // Charged the unit cost (the last settlement may follow the last piece by a report or two).
        waitFor(visitor, 15).until(x -> {
            x.get(base + "terminal/records");
            return visible(x, By.id("balance")).getText().contains("700");
        });

        // Without a media there is no visit: the page asks for one first.
        WebDriver anonymous = browser();
        anonymous.get(base + "terminal/shelf?of=" + ownerSerial);
        waitFor(anonymous, 20).until(ExpectedConditions.urlMatches(".*/terminal(\\?.*)?$"));
        assertTrue(anonymous.findElements(By.cssSelector("#shelf li")).isEmpty());
    }

    @Test
    void aShelfThatComesDamagedOrNotAtAllIsNeverShown() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Damaged");
        Contents.Registered content = Contents.register(base, "Kept", PIECE, 100, 10);
        ScriptedTerminal owner = ScriptedTerminal.open(base, clerk, 5000);
        owner.receiveFromOrigin(content.id(), 1, content.bytes());
        owner.holdsAll(content.id(), 1);

        WebDriver visitor = browser();
        Terminals.insert(visitor, base, Terminals.sell(base, clerk, 1000, "visitor-pw"), "visitor-pw");
        visitor.get(base + "terminal/shelf?of=" + owner.serial());
        ready(visitor);
        // Twice a list whose checksum does not match it: the visitor asks again once, then gives up.
        String list = "{\"news\":\"\",\"items\":[{\"content\":\"" + content.id() + "\",\"recommended\":false}]}";
        for (int i = 0; i < 2; i++) {
            String visit = owner.channel().next("visit").getString("visit");
            owner.channel().send("{\"type\":\"shelf\",\"visit\":\"" + visit + "\",\"list\":" + list
                    + ",\"checksum\":\"" + "ab".repeat(32) + "\"}");
        }
        String damaged = Browsers.showsThat(visitor, By.id("shelf-message"), "the damaged list refused", t -> t.contains("damaged")).getText();
        assertTrue(damaged.contains("damaged"), damaged);
        assertTrue(visitor.findElements(By.cssSelector("#shelf li[data-content]")).isEmpty(), "nothing of it shown");

        // Asked again, the owner does not answer at all: the visit ends with a message.
        waitFor(visitor).until(ExpectedConditions.elementToBeClickable(By.id("shelf-retry"))).click();
        owner.channel().next("visit");
        owner.channel().next("visit");
        waitFor(visitor, 30).until(x -> x.findElement(By.id("shelf-message")).getText().contains("did not answer"));
        assertTrue(visitor.findElements(By.cssSelector("#shelf li[data-content]")).isEmpty());
        assertEquals(null, visitor.findElement(By.tagName("body")).getAttribute("data-shelf"));
    }
}
