package org.cascade.testing;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The pages of live events as their users fill them in: a staff sign-in, the FIG. 17 form, date and time fields. */
public final class LivePages {

    private LivePages() {
    }

    /** Signs a holder (or any staff account) in and waits for the page its role lands on. */
    public static void signIn(WebDriver driver, URL base, String username, String password, String landsOn) {
        driver.get(base + "signin");
        type(driver, By.id("username"), username);
        type(driver, By.id("password"), password);
        Browsers.clickForNewPage(driver, By.id("signin"));
        waitFor(driver).until(ExpectedConditions.urlContains(landsOn));
    }

    /**
     * The FIG. 17 form of an event by a strong artist (demand 3 × 3 × 2 = 18, high): four orders,
     * 200 yen base, 3 redistributors every 10 min, on 100 server streams, 50 Mbit/s at 3 Mbit/s a stream.
     */
    public static Map<String, String> event(String title, String startsAt, String cameras) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("artist", "The Cascades");
        f.put("title", title);
        f.put("starts-at", startsAt);
        f.put("venue-name", "Budokan");
        f.put("seating-capacity", "14000");
        f.put("cameras", cameras);
        f.put("acoustics", "PA, 48 kHz stereo");
        f.put("provider", "Cascade center");
        f.put("server-streams", "100");
        f.put("link-mbps", "50");
        f.put("stream-kbps", "3000");
        f.put("orders", "4");
        f.put("base-price", "200");
        f.put("redistributors", "3");
        f.put("interval-seconds", "600");
        f.put("sponsor-name", "Cascade Promotions");
        f.put("sponsor-contact", "live@example.org");
        f.put("past-spectators", "20000");
        f.put("downloads", "25000");
        f.put("search-hits", "500000");
        return f;
    }

    /** A new holder, signed in in {@code driver}; returns the holder's user name. */
    public static String newHolder(WebDriver driver, URL base, String username) throws Exception {
        signIn(driver, base, username, Terminals.holder(base, username), "/holder");
        return username;
    }

    /** Registers the event of {@code fields} on the FIG. 17 form; returns its id, the event's page open. */
    public static String register(WebDriver driver, URL base, Map<String, String> fields) {
        driver.get(base + "holder/live/new");
        fillEvent(driver, fields);
        Browsers.clickForNewPage(driver, By.id("live-submit"));
        waitFor(driver).until(ExpectedConditions.urlContains("/holder/live/event?id="));
        return driver.getCurrentUrl().replaceAll(".*id=", "");
    }

    /**
     * An event for going on air, registered and open for applications by the holder signed in in
     * {@code driver}: modest demand on a modest link, so every order is first come; {@code orders}
     * orders {@code intervalSeconds} apart, 2 redistributors per terminal, the refund per relayed segment given.
     */
    public static String onAirEvent(WebDriver driver, URL base, String title, int orders, int intervalSeconds,
                                    int refundPerSegment) {
        Map<String, String> form = event(title, LocalDate.now().plusDays(10) + "T19:00", "2");
        form.putAll(Map.of("past-spectators", "10", "downloads", "10", "search-hits", "10", "orders", String.valueOf(orders),
                "interval-seconds", String.valueOf(intervalSeconds), "redistributors", "2"));
        String eventId = register(driver, base, form);
        type(driver, By.id("refund-per-segment"), String.valueOf(refundPerSegment));
        Browsers.clickForNewPage(driver, By.id("open-submit"));
        visible(driver, By.id("air-link"));
        return eventId;
    }

    /** Applies for {@code order} on the event's screen with redistribution allowed, and waits for the notice. */
    public static void applyToRelay(WebDriver driver, URL base, String eventId, String name, int order,
                                    boolean automaticReconnection) {
        driver.get(base + "live/event?id=" + eventId);
        type(driver, By.id("name"), name);
        type(driver, By.id("email"), name.toLowerCase() + "@example.org");
        driver.findElement(By.id("order-" + order)).click();
        driver.findElement(By.id("redistribution-allowed")).click();
        if (automaticReconnection) {
            driver.findElement(By.id("automatic-reconnection")).click();
        }
        Browsers.clickForNewPage(driver, By.id("apply-submit"));
        visible(driver, By.cssSelector(".flash"));
    }

    public static void fillEvent(WebDriver driver, Map<String, String> fields) {
        visible(driver, By.id("live-form"));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().equals("starts-at")) {
                dateTime(driver, By.id("starts-at"), f.getValue());
            } else {
                type(driver, By.id(f.getKey()), f.getValue());
            }
        }
    }

    /** A datetime-local's typing order follows the browser's language; its value does not. */
    public static void dateTime(WebDriver driver, By field, String isoLocal) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(field), isoLocal);
    }

    /** The center's now, on a deployment with {@link SetClock}, in the center's zone (this machine's). */
    public static LocalDateTime centerNow(URL base) throws Exception {
        HttpResponse<String> now = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "testing/clock")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return LocalDateTime.ofInstant(Instant.parse(now.body().strip()), ZoneId.systemDefault());
    }

    /** Moves the center's clock ahead, on a deployment with {@link SetClock}. */
    public static void clockAhead(URL base, Duration by) throws Exception {
        HttpResponse<String> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "testing/clock?ahead=" + by))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (moved.statusCode() != 200) {
            throw new IllegalStateException("the clock did not move: " + moved.statusCode() + " " + moved.body());
        }
    }
}
