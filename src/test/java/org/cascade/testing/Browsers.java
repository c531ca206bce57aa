package org.cascade.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one place tests get a browser: Debian's headless Chromium through its own chromedriver
 * (Selenium Manager never downloads one), each with a fresh profile of its own, so two browsers
 * are two separate people.
 */
public final class Browsers {

    private Browsers() {
    }

    public static ChromeDriver open() {
        return open("en-US");
    }

    /** A browser whose camera and microphone are Chromium's test pattern and tone, granted without asking. */
    public static ChromeDriver openWithCamera() {
        return open("en-US", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required");
    }

    /** A browser whose preferred language is {@code language} (it decides the pages' language). */
    public static ChromeDriver open(String language, String... extraArguments) {
        Path profile;
        try {
            Path root = Path.of(System.getProperty("cascade.browsers.dir", "target/browsers"));
            Files.createDirectories(root);
            profile = Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                // Host candidates as addresses, not mDNS names that another browser process may not resolve.
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--window-size=1280,1000", "--lang=" + language, "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        // The pages' console, for a failing test to show what the browser saw.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "download.default_directory", profile.resolve("downloads").toString()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** What the page wrote to its console since the last call, one line per entry. */
    public static String console(WebDriver driver) {
        StringBuilder out = new StringBuilder();
        try {
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .forEach(e -> out.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
        } catch (RuntimeException e) {
            out.append("(no console: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /** A wait of its own length, for steps that take longer than a page (a transfer, a settlement). */
    public static WebDriverWait waitFor(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Waits until the page's module script says it is ready (it sets {@code body[data-ready]}). */
    public static void ready(WebDriver driver) {
        waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    public static WebElement visible(WebDriver driver, By by) {
        return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks what loads a new page (a form's submit button, a link) and waits until the new page
     * has replaced the old one, so that what is read next is never the old page's.
     */
    public static void clickForNewPage(WebDriver driver, By by) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitFor(driver, 30).until(ExpectedConditions.stalenessOf(old));
        waitFor(driver, 30).until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    public static void type(WebDriver driver, By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }
}
