package org.cascade.media.web;

import static org.cascade.testing.Browsers.ready;
import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.cascade.testing.Browsers;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A browser that prefers Japanese gets Japanese pages and Japanese refusals. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JapaneseTerminalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void pagesAndRefusalsFollowTheBrowsersLanguage() {
        WebDriver browser = Browsers.open("ja");
        try {
            browser.get(base + "terminal");
            ready(browser);
            assertEquals("記憶メディアを挿入する", browser.findElement(By.tagName("h1")).getText());
            type(browser, By.id("code"), "ABCD-EFGH-JKMN");
            browser.findElement(By.id("redeem")).click();
            assertEquals("このコードは不明か、使用済みか、期限切れです。", Browsers.shows(browser, By.id("insert-message"), "このコードは不明か、使用済みか、期限切れです。").getText());
            browser.get(base + "signin");
            type(browser, By.id("username"), "nobody");
            type(browser, By.id("password"), "wrong-password");
            Browsers.clickForNewPage(browser, By.id("signin"));
            assertEquals("ユーザー名またはパスワードが違います。", visible(browser, By.cssSelector(".errors li")).getText());
        } finally {
            browser.quit();
        }
    }
}
