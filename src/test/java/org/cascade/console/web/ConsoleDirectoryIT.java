package org.cascade.console.web;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
import org.cascade.testing.ScriptedTerminal;
import org.cascade.testing.Terminals;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's searches in a real browser: stores, clerks and holders found by how their names
 * begin (a search too long refused in the page's language, a typed wildcard matching only
 * itself), and a content found by name or id with the terminals online that can distribute it,
 * each with the pieces it can send.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleDirectoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver operator;

    @BeforeEach
    void signIn() throws Exception {
        Center.operatorPassword(base);
    }

    @AfterEach
    void close() {
        if (operator != null) {
            operator.quit();
        }
    }

    private void search(String page, String field, String text) {
        operator.get(base + page);
        type(operator, By.id(field), text);
        WebElement submit = operator.findElement(By.id(page.endsWith("accounts") ? "accounts-submit" : "contents-submit"));
        // The lists are read from the page of the answer, not the one the search was typed in.
        Browsers.clickForNewPage(operator, submit);
    }

    private List<String> column(String table, int column) {
        return operator.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(column).getText()).toList();
    }

    @Test
    void theOperatorFindsStoresClerksAndHoldersByHowTheirNamesBegin() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Center http = Center.asOperator(base);
        Center.Clerk clerk = http.openStoreWithClerk("Find" + suffix);
        String holder = "hd" + suffix;
        Terminals.holder(base, holder);

        operator = Browsers.open();
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        Browsers.clickForNewPage(operator, operator.findElement(By.cssSelector("header nav")).findElement(By.linkText("Stores & accounts")));
        assertEquals("Stores, clerks and holders", visible(operator, By.tagName("h1")).getText());
        search("operator/accounts", "accounts-query", "find" + suffix);
        assertEquals(List.of(clerk.storeName()), column("found-stores", 1), "store names match whatever their case");
        assertEquals("Stores: 1", operator.findElement(By.xpath("//h2[starts-with(., 'Stores')]")).getText());
        assertEquals(List.of(), column("found-holders", 0));

        search("operator/accounts", "accounts-query", clerk.username());
        assertEquals(List.of(clerk.username()), column("found-clerks", 0));
        assertEquals(List.of(clerk.storeName()), column("found-clerks", 2), "a clerk's store is named");

        search("operator/accounts", "accounts-query", "HOLDER " + holder.toUpperCase(Locale.ROOT));
        assertEquals(List.of(holder), column("found-holders", 0), "a holder is found by the start of its name too");
        assertEquals(List.of(), column("found-clerks", 0));

        // A wildcard typed in the search is a character like any other: no store's name begins with it.
        search("operator/accounts", "accounts-query", "%");
        assertEquals(List.of(), column("found-stores", 1));
        assertEquals(List.of(), column("found-holders", 0));

        // The field stops at 40 characters; the center refuses a longer search sent past it.
        operator.get(base + "operator/accounts?q=" + "x".repeat(41));
        assertEquals("A search is at most 40 characters.", visible(operator, By.cssSelector(".errors li")).getText());
        assertEquals("x".repeat(41), operator.findElement(By.id("accounts-query")).getAttribute("value"), "what was typed stays");
        assertEquals(List.of(), column("found-stores", 1));
    }

    @Test
    void theOperatorSeesWhichTerminalsOnlineCanDistributeAContentAndHowMuch() throws Exception {
        Center http = Center.asOperator(base);
        Center.Clerk clerk = http.openStoreWithClerk("Spread");
        Contents.Registered content = Contents.register(base, "Spread", 4 * ScriptedTerminal.PIECE, 400, 10);
        ScriptedTerminal received = ScriptedTerminal.open(base, clerk, 5_000);
        assertEquals(400, received.receiveFromOrigin(content.id(), 4, content.bytes()));
        received.holdsAll(content.id(), 4);
        // A terminal that says it holds the content but never received it may send none of it.
        ScriptedTerminal claims = ScriptedTerminal.open(base, clerk, 100);
        claims.holdsAll(content.id(), 4);

        operator = Browsers.open("ja");
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        Browsers.clickForNewPage(operator, operator.findElement(By.cssSelector("header nav")).findElement(By.linkText("コンテンツ")));
        assertEquals("コンテンツ", visible(operator, By.tagName("h1")).getText());
        search("operator/contents", "contents-query", content.id().toLowerCase(Locale.ROOT));
        assertEquals(List.of(content.id()), column("contents", 0), "found by its id, whatever the case");
        search("operator/contents", "contents-query", content.name().toUpperCase(Locale.ROOT));
        assertEquals(List.of(content.name()), column("contents", 1), "found by its name");
        assertEquals("掲載中", column("contents", 3).get(0));
        // The second terminal's claim reaches the center after its frame: the page is read again until it shows.
        waitFor(operator).ignoring(StaleElementReferenceException.class).until(d -> {
            d.navigate().refresh();
            return column("contents", 5).equals(List.of("1"));
        });

        Browsers.clickForNewPage(operator, By.linkText(content.id()));
        WebElement coverage = visible(operator, By.id("coverage"));
        assertEquals("1", coverage.getAttribute("data-distributors"));
        assertEquals("4", coverage.getAttribute("data-covered"));
        assertEquals("配信できるオンライン端末は 1 台：4 個のピースのうち 4 個。残りの 0 個はセンターだけが送れます。", coverage.getText());
        assertEquals(List.of(received.serial(), claims.serial()), column("distributors", 0), "the one that can send most first");
        assertEquals(List.of("全 4 個", "0 / 4"), column("distributors", 3));
        assertEquals(List.of("4", "4"), column("distributors", 4), "both say they hold it");
        assertEquals(List.of("4", "0"), column("distributors", 5), "only one was seen to verify it");

        // A page number out of bounds is refused in the page's language.
        operator.get(base + "operator/contents?page=-1");
        assertEquals("ページは0から10000の間で入力してください。", visible(operator, By.cssSelector(".errors li")).getText());
    }
}
