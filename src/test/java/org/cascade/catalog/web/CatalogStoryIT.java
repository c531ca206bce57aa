package org.cascade.catalog.web;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A holder registers a content with a thumbnail in the browser; two users see it listed, one
 * marked affordable and one with the shortfall; a user posts on its board (a script in the post
 * stays text) and rates it; the holder hides the post; an advertised content is listed first as
 * sponsored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogStoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver holder;
    WebDriver rich;
    WebDriver poor;

    @AfterEach
    void close() {
        for (WebDriver d : new WebDriver[] {holder, rich, poor}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    @Test
    void holderRegistersAndUsersFindRateAndDiscuss() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String holderName = "holder-" + suffix;
        String holderPassword = Terminals.holder(base, holderName);
        Path dir = Files.createTempDirectory("catalog");
        Path content = dir.resolve("concert-" + suffix + ".mp4");
        byte[] bytes = new byte[3 * 1024 * 1024 + 12345];
        new Random(7).nextBytes(bytes);
        Files.write(content, bytes);
        Path thumbnail = png(dir.resolve("thumb.png"), Color.ORANGE);
        Path disguised = dir.resolve("evil.png");
        Files.writeString(disguised, "<html><script>alert(1)</script></html>");

        holder = Browsers.open();
        holder.get(base + "signin");
        type(holder, By.id("username"), holderName);
        type(holder, By.id("password"), holderPassword);
        Browsers.clickForNewPage(holder, By.id("signin"));
        waitFor(holder).until(ExpectedConditions.urlContains("/holder"));

        // A thumbnail that is really an HTML page is refused, and nothing is registered.
        fillRegistration("Live at Budokan " + suffix, content, disguised);
        assertEquals("Images must be PNG or JPEG files (the file's contents decide, not its name).",
                visible(holder, By.id("register-message")).getText().trim());
        holder.get(base + "holder");
        assertTrue(holder.findElements(By.cssSelector("#holder-contents tbody tr")).isEmpty(), "no half-registered content");

        // The real registration: uploaded in chunks, processed, listed with its signed manifest.
        fillRegistration("Live at Budokan " + suffix, content, thumbnail);
        waitFor(holder).until(ExpectedConditions.urlContains("/holder/content"));
        String id = holder.getCurrentUrl().replaceAll(".*id=", "");
        new WebDriverWait(holder, Duration.ofSeconds(30)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("content-status")).getText().equals("listed");
        });

        // Two users: one whose balance covers the 1,200 yen, one 900 yen short.
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Catalog");
        rich = Browsers.open();
        poor = Browsers.open();
        Terminals.insert(rich, base, Terminals.sell(base, clerk, 5000, "rich-secret"), "rich-secret");
        Terminals.insert(poor, base, Terminals.sell(base, clerk, 300, "poor-secret"), "poor-secret");
        // The top page opens the terminal channel: the center welcomes this browser as a terminal.
        waitFor(rich).until(d -> d.findElement(By.tagName("body")).getAttribute("data-terminal") != null);
        WebElement richLine = find(rich, "Budokan " + suffix, id);
        assertTrue(richLine.getText().contains("Your balance covers it"), richLine.getText());
        WebElement poorLine = find(poor, "Budokan " + suffix, id);
        assertTrue(poorLine.getText().contains("Your balance is short by 900 yen"), poorLine.getText());
        // The thumbnails load lazily, when their line comes into view.
        String thumbnailDecoded = "const i = document.querySelector('li[data-content=\"" + id + "\"] img.thumb');"
                + " i.scrollIntoView(); return i.complete && i.naturalWidth === 64;";
        waitFor(rich).withMessage("the thumbnail to be served and decode")
                .until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(thumbnailDecoded));
        assertTrue((Boolean) ((org.openqa.selenium.JavascriptExecutor) rich).executeScript(thumbnailDecoded),
                "the thumbnail is served and decodes");

        // The rich user posts (a script stays text) and rates.
        Browsers.clickForNewPage(rich, By.cssSelector("li[data-content='" + id + "'] a.name"));
        Browsers.ready(rich);
        type(rich, By.id("post-text"), "Great show <script>document.title='pwned'</script>");
        Browsers.clickForNewPage(rich, By.id("post"));
        Browsers.ready(rich);
        WebElement post = visible(rich, By.cssSelector("#board li .text"));
        assertEquals("Great show <script>document.title='pwned'</script>", post.getText());
        assertFalse(rich.getTitle().contains("pwned"));
        Browsers.tick(rich, By.id("stars-4"));
        Browsers.clickForNewPage(rich, By.id("rate"));
        assertEquals("★ 4.0 (1)", visible(rich, By.id("rating")).getText());
        // The list sorts on the new rating at once (the only rated content in this run).
        Browsers.load(rich, base + "terminal/home?sort=RATING");
        assertEquals(id, rich.findElement(By.cssSelector("#contents li")).getAttribute("data-content"));

        // The holder hides the post; users no longer see it.
        holder.get(base + "content?id=" + id);
        Browsers.clickForNewPage(holder, By.cssSelector("#board li button.moderate"));
        assertTrue(visible(holder, By.cssSelector("#board li.hidden")).getText().contains("hidden by " + holderName));
        rich.navigate().refresh();
        Browsers.ready(rich);
        assertTrue(rich.findElements(By.cssSelector("#board li")).isEmpty(), "the hidden post is gone for users");

        // Advertising: the operator records the holder's payment, the holder buys a preferential position.
        var funds = Center.asOperator(base).post("api/holders/" + holderName + "/funds",
                Json.createObjectBuilder().add("amount", 10000).add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(200, funds.statusCode(), funds.body());
        holder.get(base + "holder/content?id=" + id);
        new Select(holder.findElement(By.id("ad-kind"))).selectByValue("PREFERRED_POSITION");
        type(holder, By.id("ad-days"), "3");
        Browsers.clickForNewPage(holder, By.id("advertise-submit"));
        assertEquals("Advertising paid: 1500 yen from your funds.", visible(holder, By.cssSelector(".flash")).getText());
        holder.get(base + "holder");
        assertEquals("8,500 yen", holder.findElement(By.id("funds")).getText());

        // The home page's script writes the media's state above the list, which moves the forms below
        // it: a click before it is done may land beside its target.
        Browsers.load(poor, base + "terminal/home");
        WebElement first = poor.findElement(By.cssSelector("#contents li"));
        assertEquals(id, first.getAttribute("data-content"), "the sponsored content comes first");
        assertTrue(first.getText().contains("Sponsored"));

        // The user's display conditions: saved, shown as saved, and applied to the list.
        Browsers.tick(poor, By.id("liked-MOVIE"));
        new Select(poor.findElement(By.id("conditions-page-size"))).selectByValue("10");
        new Select(poor.findElement(By.id("conditions-sort"))).selectByValue("PRICE_LOW");
        Browsers.clickForNewPage(poor, By.id("conditions-submit"));
        assertEquals("Your list is arranged as you asked.", visible(poor, By.cssSelector(".flash")).getText());
        assertTrue(poor.findElement(By.id("liked-MOVIE")).isSelected());
        assertFalse(poor.findElement(By.id("liked-MUSIC")).isSelected());
        assertEquals("10", new Select(poor.findElement(By.id("conditions-page-size"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("PRICE_LOW", new Select(poor.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(poor.findElements(By.cssSelector("#contents li")).size() <= 10);
    }

    private void fillRegistration(String name, Path content, Path thumbnail) {
        holder.get(base + "holder/register");
        Browsers.ready(holder);
        type(holder, By.id("name"), name);
        type(holder, By.id("summary"), "The whole concert, recorded in 4K.");
        new Select(holder.findElement(By.id("genre"))).selectByValue("MUSIC");
        type(holder, By.id("writer-name"), "Band");
        type(holder, By.id("payout"), "Cascade Bank, Shibuya, 1234567, Band");
        type(holder, By.id("unit-cost"), "1200");
        type(holder, By.id("share"), "15");
        holder.findElement(By.id("file")).sendKeys(content.toAbsolutePath().toString());
        holder.findElement(By.id("thumbnail")).sendKeys(thumbnail.toAbsolutePath().toString());
        waitFor(holder).until(ExpectedConditions.elementToBeClickable(By.id("register-submit"))).click();
        waitFor(holder).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.getCurrentUrl().contains("/holder/content")
                || (d.findElement(By.id("register-message")).isDisplayed()
                && d.findElement(By.id("register-message")).getAttribute("class").contains("errors")));
    }

    private static WebElement find(WebDriver user, String words, String id) {
        Browsers.load(user, user.getCurrentUrl().replaceAll("/terminal/.*", "/terminal/home"));
        type(user, By.id("q"), words);
        Browsers.clickForNewPage(user, By.id("search-submit"));
        return visible(user, By.cssSelector("li[data-content='" + id + "']"));
    }

    static Path png(Path file, Color color) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
