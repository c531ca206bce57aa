package org.cascade.console.web;

import static org.cascade.testing.Browsers.type;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.ScriptedTerminal;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's charts in a real browser: after a terminal receives a content from the center,
 * the chart of bytes by path shows those bytes on the origin's bars, the same figure as the
 * console's JSON, and nothing added on the other paths. The settlement pages answer, and an
 * acknowledgement sent to the API with a wrong checksum is refused naming its line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleChartsIT {

    static final int PIECES = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    WebDriver operator;

    @AfterEach
    void close() {
        if (operator != null) {
            operator.quit();
        }
    }

    private static long total(Center http, String path) throws Exception {
        return Center.json(http.get("api/console/bytes?bucket=hour")).getJsonObject("totals").getJsonNumber(path).longValue();
    }

    /**
     * One series of a chart as drawn, read in one script so that a redraw cannot come between
     * two reads: its legend's total and text, its bars' values and the last bar's bucket; null
     * while the chart is not drawn for that bucket size.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> drawn(WebDriver driver, String chart, String series, String bucket) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                const figure = document.getElementById(arguments[0]);
                const svg = figure.querySelector('svg[data-bucket]');
                const legend = figure.querySelector(`li[data-series="${arguments[1]}"]`);
                if (!svg || svg.dataset.bucket !== arguments[2] || !legend) return null;
                const bars = [...svg.querySelectorAll(`rect[data-series="${arguments[1]}"]`)];
                return { total: legend.dataset.total, legend: legend.textContent.trim(),
                         values: bars.map((b) => b.dataset.value),
                         lastBucket: bars.length ? bars[bars.length - 1].dataset.bucket : null };
                """, chart, series, bucket);
    }

    @Test
    void theChartOfBytesByPathShowsWhatATransferBrought() throws Exception {
        Center http = Center.asOperator(base);
        long originBefore = total(http, "origin");
        long p2pBefore = total(http, "p2p");
        Center.Clerk clerk = http.openStoreWithClerk("Charts");
        Contents.Registered content = Contents.register(base, "Charted", PIECES * ScriptedTerminal.PIECE, 400, 10);
        ScriptedTerminal receiver = ScriptedTerminal.open(base, clerk, 5_000);
        assertEquals(400, receiver.receiveFromOrigin(content.id(), PIECES, content.bytes()));
        long expected = originBefore + (long) PIECES * ScriptedTerminal.PIECE;
        assertEquals(expected, total(http, "origin"));

        operator = Browsers.open();
        operator.get(base + "signin");
        type(operator, By.id("username"), "operator");
        type(operator, By.id("password"), Center.operatorPassword(base));
        Browsers.clickForNewPage(operator, By.id("signin"));
        waitFor(operator).until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
        operator.get(base + "operator/charts");
        Browsers.ready(operator);

        Map<String, Object> origin = waitFor(operator).until(d -> drawn(d, "bytes-chart", "origin", "hour"));
        assertEquals(String.valueOf(expected), origin.get("total"), Browsers.console(operator));
        assertTrue(((String) origin.get("legend")).startsWith("From the center"), (String) origin.get("legend"));
        List<?> values = (List<?>) origin.get("values");
        assertTrue(!values.isEmpty(), "the origin has bars");
        assertEquals(expected, values.stream().mapToLong(v -> Long.parseLong((String) v)).sum(), "the bars add up to the total");
        assertEquals(Center.json(http.get("api/console/bytes?bucket=hour")).getJsonArray("buckets").getString(23),
                origin.get("lastBucket"), "the transfer is in the current hour's bar");
        assertEquals(String.valueOf(p2pBefore), drawn(operator, "bytes-chart", "p2p", "hour").get("total"));
        assertTrue(drawn(operator, "money-chart", "revenue", "hour") != null, "the money chart is drawn");

        // By day, the same figures as the console's JSON: today's bar holds the transfer.
        new Select(operator.findElement(By.id("bucket"))).selectByValue("day");
        Map<String, Object> byDay = waitFor(operator).until(d -> drawn(d, "bytes-chart", "origin", "day"));
        assertEquals(String.valueOf(Center.json(http.get("api/console/bytes?bucket=day")).getJsonObject("totals")
                .getJsonNumber("origin").longValue()), byDay.get("total"));
        assertTrue(Long.parseLong((String) byDay.get("total")) >= expected);
    }

    @Test
    void theSettlementPagesAnswerAndAMalformedAcknowledgementIsRefusedWithItsLine() throws Exception {
        Center http = Center.asOperator(base);
        for (String page : List.of("operator/settlement", "operator/reconciliation", "operator/abuse", "operator/charts")) {
            var answer = http.get(page, "text/html");
            assertEquals(200, answer.statusCode(), page + ": " + answer.body());
        }
        var refused = http.post("api/settlement/acknowledgements", jakarta.json.Json.createObjectBuilder()
                .add("file", "payment_id,status,amount\nS20310110-001,DEPOSITED,12\nsha256,00\n").build());
        assertEquals(4, refused.statusCode() / 100, refused.body());
        assertEquals("Line 3: the checksum does not match the file: it was changed or damaged. Nothing was applied.",
                Center.json(refused).getString("message"));
        var runs = http.post("api/settlement/runs", jakarta.json.Json.createObjectBuilder().build());
        assertEquals(200, runs.statusCode(), runs.body());
    }
}
