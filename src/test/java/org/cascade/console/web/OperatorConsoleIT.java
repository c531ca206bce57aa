package org.cascade.console.web;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's pages: opening a store, adding its clerk (who must change the handed-out
 * password first), revoking a lost media, after which the media is refused and the clerk
 * re-issues its balance onto a new one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorConsoleIT {

    private static final Pattern ONE_TIME = Pattern.compile("one-time password is ([0-9A-Z-]+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver operator;
    WebDriver clerk;

    @AfterEach
    void close() {
        if (operator != null) {
            operator.quit();
        }
        if (clerk != null) {
            clerk.quit();
        }
    }

    @Test
    void operatorOpensStoreAndClerkThenRevokesAMediaThatIsReissued() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        operator = Browsers.open();
        signIn(operator, "operator", Center.operatorPassword(base));
        assertTrue(operator.getCurrentUrl().endsWith("/operator"), operator.getCurrentUrl());

        // A store, and its clerk with a one-time password shown once.
        type(operator, By.id("store-name"), "Namba " + suffix);
        Browsers.clickForNewPage(operator, By.id("open-store-submit"));
        WebElement storeOpened = visible(operator, By.cssSelector(".flash"));
        assertEquals("The store Namba " + suffix + " is open.", storeOpened.getText());
        new Select(operator.findElement(By.id("clerk-store"))).selectByVisibleText("Namba " + suffix);
        type(operator, By.id("clerk-username"), "taro-" + suffix);
        type(operator, By.id("clerk-name"), "Taro");
        // the store's notice is still there until the next page replaces it
        Browsers.clickForNewPage(operator, By.id("hire-clerk-submit"));
        waitFor(operator).until(ExpectedConditions.stalenessOf(storeOpened));
        Matcher m = ONE_TIME.matcher(visible(operator, By.cssSelector(".flash")).getText());
        assertTrue(m.find());
        String oneTime = m.group(1);
        operator.navigate().refresh();
        assertTrue(operator.findElements(By.cssSelector(".flash")).isEmpty(), "the password is shown once only");

        // A username that exists already is refused with a message and nothing changes.
        type(operator, By.id("holder-username"), "taro-" + suffix);
        type(operator, By.id("holder-name"), "Someone");
        Browsers.clickForNewPage(operator, By.id("open-holder-submit"));
        assertEquals("The user name taro-" + suffix + " is already taken.", visible(operator, By.cssSelector(".errors li")).getText());

        // The clerk must choose a password before anything else.
        clerk = Browsers.open();
        signIn(clerk, "taro-" + suffix, oneTime);
        assertTrue(clerk.getCurrentUrl().endsWith("/password"), clerk.getCurrentUrl());
        clerk.get(base + "store");
        assertTrue(clerk.getCurrentUrl().endsWith("/password"), "the counter waits for the new password");
        type(clerk, By.id("current"), oneTime);
        type(clerk, By.id("chosen"), "taro-own-password");
        type(clerk, By.id("repeated"), "taro-own-password");
        Browsers.clickForNewPage(clerk, By.id("change-password"));
        waitFor(clerk).until(ExpectedConditions.urlContains("/store"));
        assertEquals("Counter of Namba " + suffix, clerk.findElement(By.tagName("h1")).getText());

        // The clerk sells a media; its owner loses it; the operator revokes it.
        type(clerk, By.id("sell-amount"), "4200");
        type(clerk, By.id("sell-password"), "owner-secret");
        type(clerk, By.id("sell-password-repeated"), "owner-secret");
        Browsers.clickForNewPage(clerk, By.id("sell"));
        String serial = visible(clerk, By.id("receipt-serial")).getText();
        String code = clerk.findElement(By.id("handover-code")).getText();
        Center owner = new Center(base);
        String mediaFile = Center.json(owner.post("api/media/redemptions", Json.createObjectBuilder().add("code", code).build()))
                .getString("media");

        operator.get(base + "operator/media?q=" + serial);
        operator.findElement(By.cssSelector("tr[data-serial='" + serial + "'] input[name=reason]")).sendKeys("lost on the train");
        Browsers.clickForNewPage(operator, By.cssSelector("tr[data-serial='" + serial + "'] button.revoke"));
        assertEquals("The media " + serial + " was revoked.", visible(operator, By.cssSelector(".flash")).getText());

        var refused = owner.post("api/terminal/session",
                Json.createObjectBuilder().add("media", mediaFile).add("password", "owner-secret").build());
        assertEquals(403, refused.statusCode());
        assertEquals("REVOKED", Center.json(refused).getString("reason"));

        // The clerk re-issues the balance onto a new media.
        clerk.get(base + "store");
        type(clerk, By.id("reissue-serial"), serial);
        type(clerk, By.id("reissue-password"), "owner-secret-2");
        type(clerk, By.id("reissue-password-repeated"), "owner-secret-2");
        Browsers.clickForNewPage(clerk, By.id("reissue"));
        assertEquals("4,200 yen", visible(clerk, By.id("receipt-balance")).getText());
        String newSerial = clerk.findElement(By.id("receipt-serial")).getText();
        assertTrue(clerk.findElement(By.id("handover-code")).getText().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));

        operator.get(base + "operator/media?q=" + serial);
        assertTrue(operator.findElement(By.cssSelector("tr[data-serial='" + serial + "']")).getText()
                .contains("revoked → " + newSerial));
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get(base + "signin");
        type(driver, By.id("username"), username);
        type(driver, By.id("password"), password);
        Browsers.clickForNewPage(driver, By.id("signin"));
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }
}
