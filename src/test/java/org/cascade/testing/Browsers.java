package org.cascade.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
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

    /**
     * Waits until the page has loaded and its module script says it is ready (it sets
     * {@code body[data-ready]}): what the script fills in or moves is in place before a test reads or clicks.
     */
    public static void ready(WebDriver driver) {
        waitFor(driver, 30).withMessage("the page's script to set body[data-ready]")
                .ignoring(StaleElementReferenceException.class)
                .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'"
                        + " && document.body !== null && document.body.dataset.ready === 'true'"));
    }

    /** Loads {@code url} and waits until its module script is ready (see {@link #ready}). */
    public static void load(WebDriver driver, String url) {
        driver.get(url);
        ready(driver);
    }

    /**
     * Waits until the element of {@code by} shows {@code expected} (its text, trimmed): for what a
     * script writes after the page loaded. A failure says what the element showed instead.
     */
    public static WebElement shows(WebDriver driver, By by, String expected) {
        return showsThat(driver, by, "\"" + expected + "\"", expected::equals);
    }

    /** Waits until the text of the element of {@code by} passes {@code test}, described by {@code what}. */
    public static WebElement showsThat(WebDriver driver, By by, String what, Predicate<String> test) {
        String[] last = {"(no such element)"};
        try {
            return waitFor(driver, 30).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(by);
                if (found.isEmpty()) {
                    return null;
                }
                last[0] = "\"" + found.get(0).getText().trim() + "\"";
                return test.test(found.get(0).getText().trim()) ? found.get(0) : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited for " + by + " to show " + what + "; it showed " + last[0], e);
        }
    }

    /** Waits until attribute {@code name} of the element of {@code by} reads {@code expected}; a failure says what it read. */
    public static WebElement hasAttribute(WebDriver driver, By by, String name, String expected) {
        String[] last = {"(no such element)"};
        try {
            return waitFor(driver, 30).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(by);
                if (found.isEmpty()) {
                    return null;
                }
                last[0] = String.valueOf(found.get(0).getAttribute(name));
                return expected.equals(last[0]) ? found.get(0) : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited for " + by + " [" + name + "] to read " + expected + "; it read " + last[0], e);
        }
    }

    /**
     * Waits until {@code condition} holds (an HTTP API's answer, a file's length), checking every
     * tenth of a second for at most {@code within}; a failure says {@code what} was waited for.
     */
    public static void eventually(String what, Duration within, Callable<Boolean> condition) throws Exception {
        FluentWait<String> wait = new FluentWait<>(what).withTimeout(within).pollingEvery(Duration.ofMillis(100))
                .withMessage("waited " + within.toSeconds() + " s for " + what);
        try {
            wait.until(w -> {
                try {
                    return condition.call() ? Boolean.TRUE : null;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static WebElement visible(WebDriver driver, By by) {
        return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks what loads a new page (a form's submit button, a link) and waits until the new page
     * has replaced the old one, so that what is read next is never the old page's.
     */
    public static void clickForNewPage(WebDriver driver, By by) {
        // Found and clicked in one step, again while the page found it on is being replaced (the
        // one before it still loading): Chromium refuses a click on a node of a page that is gone.
        WebElement old = waitFor(driver, 30).withMessage("a clickable " + by).until(d -> {
            try {
                WebElement html = d.findElement(By.tagName("html"));
                WebElement target = d.findElement(by);
                if (!target.isDisplayed() || !target.isEnabled()) {
                    return null;
                }
                target.click();
                return html;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
        waitFor(driver, 30).withMessage("the click to load a new page").until(d -> replaced(old));
        waitFor(driver, 30).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page {@code html} belonged to is gone. Chromium answers a call on a node of a page
     * that was replaced either as stale or as a node that "does not belong to the document";
     * both mean the same here (Selenium's own staleness check knows only the first).
     */
    private static boolean replaced(WebElement html) {
        try {
            html.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** {@link #clickForNewPage(WebDriver, By)} for an element already found (a link in a list's line). */
    public static void clickForNewPage(WebDriver driver, WebElement target) {
        WebElement old = driver.findElement(By.tagName("html"));
        target.click();
        waitFor(driver, 30).withMessage("the click to load a new page").until(d -> replaced(old));
        waitFor(driver, 30).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Submits the form of {@code field} and waits for the new page, as {@link #clickForNewPage(WebDriver, By)}. */
    public static void submitForNewPage(WebDriver driver, WebElement field) {
        WebElement old = driver.findElement(By.tagName("html"));
        field.submit();
        waitFor(driver, 30).withMessage("the form to load a new page").until(d -> replaced(old));
        waitFor(driver, 30).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks a checkbox or radio button of the page and waits until it is selected. */
    public static void tick(WebDriver driver, By by) {
        waitFor(driver).until(ExpectedConditions.elementToBeClickable(by)).click();
        waitFor(driver).withMessage(by + " to be selected after the click").until(ExpectedConditions.elementToBeSelected(by));
    }

    public static void type(WebDriver driver, By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }
}
