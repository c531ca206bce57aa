package org.cascade.media.web;

import static org.cascade.testing.Browsers.ready;
import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The foundation's whole story in two browsers, the clerk's and the buyer's: a media sold at the
 * counter, inserted with its code and password, replenished, voided, refused when tampered with,
 * rolled back or given the wrong password, and the day's report reconciled with the ledger.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaStoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver clerk;
    WebDriver buyer;

    @BeforeEach
    void openBrowsers() {
        clerk = Browsers.open();
        buyer = Browsers.open();
    }

    @AfterEach
    void closeBrowsers() {
        if (clerk != null) {
            clerk.quit();
        }
        if (buyer != null) {
            buyer.quit();
        }
    }

    @Test
    void mediaSoldInsertedReplenishedAndRefusedWhenForgedOrOld() throws Exception {
        Center operator = Center.asOperator(base);
        Center.Clerk account = operator.openStoreWithClerk("Shibuya");
        Center.Clerk otherStore = operator.openStoreWithClerk("Umeda");

        // The clerk sells a media with 3,000 yen on it.
        signInAsStaff(clerk, account.username(), account.password());
        clerk.get(base + "store");
        type(clerk, By.id("sell-amount"), "3000");
        type(clerk, By.id("sell-password"), "buyer-secret");
        type(clerk, By.id("sell-password-repeated"), "buyer-secret");
        Browsers.clickForNewPage(clerk, By.id("sell"));
        String code = visible(clerk, By.id("handover-code")).getText();
        String serial = clerk.findElement(By.id("receipt-serial")).getText();
        assertTrue(serial.matches("CM-[0-9A-Z]{4}-[0-9A-Z]{4}"), serial);
        assertEquals("3,000 yen", clerk.findElement(By.id("receipt-balance")).getText());

        // The buyer fetches the media with the code, inserts it with the password, sees the balance.
        buyer.get(base + "terminal");
        ready(buyer);
        type(buyer, By.id("code"), code.toLowerCase());
        buyer.findElement(By.id("redeem")).click();
        waitFor(buyer).until(ExpectedConditions.textToBe(By.id("inserted-serial"), serial));
        type(buyer, By.id("media-password"), "buyer-secret");
        buyer.findElement(By.id("insert")).click();
        waitFor(buyer).until(ExpectedConditions.urlContains("/terminal/home"));
        ready(buyer);
        assertEquals("3,000 yen", buyer.findElement(By.id("balance")).getText());
        String versionOne = mediaFileInBrowser(buyer);
        Browsers.clickForNewPage(buyer, By.id("records"));
        assertEquals(1, buyer.findElements(By.cssSelector("#accounting tbody tr")).size());
        assertTrue(buyer.findElement(By.cssSelector("#history tbody tr")).getText().contains("Purchase at a store"));
        buyer.get(base + "terminal/home");

        // The code works once only.
        WebDriver stranger = Browsers.open();
        try {
            stranger.get(base + "terminal");
            ready(stranger);
            type(stranger, By.id("code"), code);
            stranger.findElement(By.id("redeem")).click();
            assertEquals("This code is unknown, already used or expired.",
                    Browsers.shows(stranger, By.id("insert-message"), "This code is unknown, already used or expired.").getText());
        } finally {
            stranger.quit();
        }

        // The clerk replenishes it by serial; the buyer's page shows the new balance and keeps version 2.
        clerk.get(base + "store");
        type(clerk, By.id("replenish-serial"), serial);
        type(clerk, By.id("replenish-amount"), "2000");
        Browsers.clickForNewPage(clerk, By.id("replenish"));
        assertEquals("5,000 yen", visible(clerk, By.id("receipt-balance")).getText());
        buyer.navigate().refresh();
        ready(buyer);
        assertEquals("5,000 yen", buyer.findElement(By.id("balance")).getText());
        assertEquals("2", buyer.findElement(By.id("media-sync")).getAttribute("data-version"));
        String versionTwo = mediaFileInBrowser(buyer);
        assertNotEquals(versionOne, versionTwo);
        buyer.get(base + "terminal/records");
        assertEquals(2, buyer.findElements(By.cssSelector("#accounting tbody tr")).size());
        buyer.get(base + "terminal/home");

        // Signed out, the media kept in the browser signs in again, but not with a wrong password.
        Browsers.clickForNewPage(buyer, By.id("signout"));
        // Wait for the signed-out page: navigating on at once could race the sign-out's redirect.
        waitFor(buyer).until(d -> d.findElements(By.id("signout")).isEmpty());
        buyer.get(base + "terminal");
        ready(buyer);
        assertEquals(serial, buyer.findElement(By.id("inserted-serial")).getText());
        assertEquals("The password is wrong.", insert(buyer, "not-the-password"));

        // A tampered file, and the older copy, are refused each with their own message.
        Path dir = Files.createTempDirectory("media");
        assertEquals("This media has been altered since the center signed it.",
                insertFile(buyer, dir.resolve("tampered.cascade-media"), tamperBalance(versionTwo), "buyer-secret"));
        assertEquals("This is an older copy of your media (version 1; the center already gave you version 2). "
                        + "Insert your latest copy. The attempt has been recorded.",
                insertFile(buyer, dir.resolve("old.cascade-media"), versionOne, "buyer-secret"));
        String rollbacks = operator.get("api/media/rollback-attempts").body();
        assertTrue(rollbacks.contains("\"serial\":\"" + serial + "\""), rollbacks);

        // The latest copy still works.
        insertFile(buyer, dir.resolve("latest.cascade-media"), versionTwo, "buyer-secret");
        waitFor(buyer).until(ExpectedConditions.urlContains("/terminal/home"));
        ready(buyer);
        assertEquals("5,000 yen", buyer.findElement(By.id("balance")).getText());

        // The clerk voids the replenishment: a compensating posting, the balance back to 3,000.
        clerk.get(base + "store");
        Browsers.clickForNewPage(clerk, By.cssSelector("#recent tr[data-receipt] button.void"));
        assertTrue(visible(clerk, By.cssSelector(".flash")).getText().contains("was voided"));
        buyer.get(base + "terminal/records");
        assertEquals("3,000 yen", buyer.findElement(By.id("balance")).getText());
        assertEquals(3, buyer.findElements(By.cssSelector("#accounting tbody tr")).size());

        // The day's report reconciles with the ledger: 3,000 + 2,000 - 2,000 taken in.
        clerk.get(base + "store/report");
        assertEquals("3,000 yen", clerk.findElement(By.id("cash-total")).getText());
        assertEquals("3,000 yen", clerk.findElement(By.id("ledger-total")).getText());
        assertTrue(clerk.findElement(By.id("reconciled")).isDisplayed());

        // Another store's report is not this clerk's to see.
        clerk.get(base + "store/report?store=" + otherStore.storeId());
        assertEquals("Not allowed", clerk.findElement(By.tagName("h1")).getText());
        assertTrue(clerk.findElements(By.id("cash-total")).isEmpty());
    }

    private void signInAsStaff(WebDriver driver, String username, String password) {
        driver.get(base + "signin");
        type(driver, By.id("username"), username);
        type(driver, By.id("password"), password);
        Browsers.clickForNewPage(driver, By.id("signin"));
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }

    /** Inserts the media shown on the page with a password; returns the refusal shown. */
    private static String insert(WebDriver driver, String password) {
        type(driver, By.id("media-password"), password);
        driver.findElement(By.id("insert")).click();
        return Browsers.showsThat(driver, By.id("insert-message"), "a refusal", t -> !t.isEmpty()).getText();
    }

    private String insertFile(WebDriver driver, Path file, String content, String password) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        driver.get(base + "terminal");
        ready(driver);
        driver.findElement(By.id("media-file")).sendKeys(file.toAbsolutePath().toString());
        waitFor(driver).until(ExpectedConditions.textToBe(By.id("inserted-source"), "from the file"));
        type(driver, By.id("media-password"), password);
        driver.findElement(By.id("insert")).click();
        waitFor(driver).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().contains("/terminal/home")
                || d.findElement(By.id("insert-message")).isDisplayed());
        return driver.getCurrentUrl().contains("/terminal/home") ? "" : driver.findElement(By.id("insert-message")).getText();
    }

    /** The media file as this browser keeps it in IndexedDB. */
    static String mediaFileInBrowser(WebDriver driver) {
        Object json = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const open = indexedDB.open('cascade');"
                        + "open.onsuccess = () => { const get = open.result.transaction('media').objectStore('media').get('inserted');"
                        + "  get.onsuccess = () => done(JSON.stringify({format: 'cascade-media/1', serial: get.result.serial,"
                        + "    rom: get.result.rom, ram: get.result.ram})); };");
        return (String) json;
    }

    /** Raises the balance written in the RAM part without the center's signature. */
    static String tamperBalance(String mediaFile) {
        var file = jakarta.json.Json.createReader(new java.io.StringReader(mediaFile)).readObject();
        String[] parts = file.getString("ram").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String richer = payload.replaceFirst("\"balance\":\\d+", "\"balance\":999999");
        assertNotEquals(payload, richer);
        String ram = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(richer.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        return jakarta.json.Json.createObjectBuilder(file).add("ram", ram).build().toString();
    }
}
