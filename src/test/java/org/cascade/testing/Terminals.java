package org.cascade.testing;

import static org.cascade.testing.Browsers.ready;
import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.waitFor;

import jakarta.json.Json;
import java.net.URL;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** People at terminals: a media sold at a store with some balance, and inserted in a browser with its code. */
public final class Terminals {

    private Terminals() {
    }

    /** A media sold by the clerk; returns its one-time code. */
    public static String sell(URL base, Center.Clerk clerk, long amount, String password) throws Exception {
        Center counter = new Center(base);
        counter.signIn(clerk.username(), clerk.password());
        var sold = counter.post("api/store/sales", Json.createObjectBuilder().add("amount", amount).add("password", password)
                .add("requestKey", UUID.randomUUID().toString()).build());
        if (sold.statusCode() != 200) {
            throw new IllegalStateException(sold.body());
        }
        return Center.json(sold).getString("code");
    }

    /** The buyer fetches the media with the code and signs in with the password; lands on the top page. */
    public static void insert(WebDriver driver, URL base, String code, String password) {
        driver.get(base + "terminal");
        ready(driver);
        type(driver, By.id("code"), code);
        driver.findElement(By.id("redeem")).click();
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("inserted")));
        type(driver, By.id("media-password"), password);
        driver.findElement(By.id("insert")).click();
        waitFor(driver).until(ExpectedConditions.urlContains("/terminal/home"));
        ready(driver);
    }

    /** A holder account, its handed-out password already replaced; returns the password. */
    public static String holder(URL base, String username) throws Exception {
        Center operator = Center.asOperator(base);
        var opened = operator.post("api/holders", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Holder " + username).build());
        String oneTime = Center.json(opened).getString("oneTimePassword");
        Center h = new Center(base);
        h.signIn(username, oneTime);
        String chosen = "holder-" + UUID.randomUUID();
        var changed = h.post("api/session/password", Json.createObjectBuilder().add("current", oneTime).add("chosen", chosen).build());
        if (changed.statusCode() != 204) {
            throw new IllegalStateException(changed.body());
        }
        return chosen;
    }
}
