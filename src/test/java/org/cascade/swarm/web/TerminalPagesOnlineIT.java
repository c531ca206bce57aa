package org.cascade.swarm.web;

import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.cascade.testing.Terminals;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A signed-in terminal stays online, and so keeps serving what it shares, on whichever of its
 * pages the user reads: each runs the terminal engine, and the operator sees the terminal online.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TerminalPagesOnlineIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyPageOfASignedInTerminalKeepsItOnline() throws Exception {
        Center operator = Center.asOperator(base);
        Center.Clerk clerk = operator.openStoreWithClerk("Online");
        String code = Terminals.sell(base, clerk, 2000, "pages-online");
        ChromeDriver user = Browsers.open();
        try {
            Terminals.insert(user, base, code, "pages-online");
            String serial = (String) ((JavascriptExecutor) user).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(document.documentElement.dataset.context + '/api/session').then(r => r.json()).then(s => done(s.user));");
            for (String page : List.of("terminal/home", "terminal/records", "live", "terminal/library")) {
                user.get(base + page);
                waitFor(user, 30).withMessage("the terminal engine to run on " + page)
                        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-terminal") != null);
                waitFor(user, 30).withMessage("the operator to see the terminal online on " + page)
                        .until(d -> online(operator, serial));
                assertTrue(online(operator, serial), "online while on " + page);
            }
        } finally {
            user.quit();
        }
    }

    private static boolean online(Center operator, String serial) {
        try {
            return operator.get("operator", "text/html").body().contains("data-serial=\"" + serial + "\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
