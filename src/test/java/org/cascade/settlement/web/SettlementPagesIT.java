package org.cascade.settlement.web;

import static org.cascade.testing.Browsers.visible;
import static org.cascade.testing.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cascade.settlement.domain.Acknowledgement;
import org.cascade.settlement.domain.PaymentStatus;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Database;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
import org.cascade.testing.ScriptedTerminal;
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

/**
 * The settlement pages in a real browser, on the center's clock moved past midnight: the
 * operator's acknowledgement form refuses a tampered file naming its line in the page's language
 * and changes nothing, applies a sound one, and the holder's page then shows the deposit; the
 * reconciliation page lists a difference the test made behind the center's back, with the
 * transaction behind it. Each test settles a day of its own: the clock only moves forward.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettlementPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSetClock().addClasses(Database.class);
    }

    @ArquillianResource
    URL base;

    WebDriver operator;
    WebDriver holder;

    @AfterEach
    void close() {
        if (operator != null) {
            operator.quit();
        }
        if (holder != null) {
            holder.quit();
        }
    }

    /** Moves the center into the next day and settles {@code day}; returns each payment's id and amount by payee. */
    private static Map<String, JsonObject> settle(URL base, Center http, LocalDate day) throws Exception {
        LivePages.clockAhead(base, Duration.ofDays(1));
        var ran = http.post("api/settlement/runs", Json.createObjectBuilder().add("day", day.toString()).build());
        assertEquals(200, ran.statusCode(), ran.body());
        return Json.createReader(new java.io.StringReader(ran.body())).readArray().getJsonObject(0).getJsonArray("payments")
                .getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(p -> p.getString("payee"), p -> p));
    }

    private static Acknowledgement.Line deposited(int line, JsonObject payment) {
        return new Acknowledgement.Line(line, payment.getString("id"), PaymentStatus.DEPOSITED, payment.getJsonNumber("amount").longValue());
    }

    /** Chooses the file on the settlement page's form (the page reads it into the text) and sends it. */
    private void upload(String acknowledgement) throws Exception {
        operator.get(base + "operator/settlement");
        Browsers.ready(operator);
        Path file = Files.createTempFile(Path.of("target"), "acknowledgement-", ".csv");
        Files.writeString(file, acknowledgement);
        operator.findElement(By.id("ack-file")).sendKeys(file.toAbsolutePath().toString());
        waitFor(operator).until(d -> d.findElement(By.id("ack-text")).getAttribute("value").startsWith(Acknowledgement.HEADER));
        Browsers.clickForNewPage(operator, By.id("ack-submit"));
    }

    private String status(String payment) {
        return operator.findElement(By.cssSelector("tr[data-payment='" + payment + "']")).getAttribute("data-status");
    }

    @Test
    void aTamperedAcknowledgementIsRefusedWithItsLineAndASoundOneShowsTheDepositOnTheHoldersPage() throws Exception {
        Center http = Center.asOperator(base);
        LocalDate day = http.aDayNotSettled();
        Center.Clerk clerk = http.openStoreWithClerk("Deposits");
        Contents.Registered content = Contents.register(base, "Deposited", 4 * ScriptedTerminal.PIECE, 400, 0);
        ScriptedTerminal receiver = ScriptedTerminal.open(base, clerk, 5_000);
        assertEquals(400, receiver.receiveFromOrigin(content.id(), 4, content.bytes()));
        Map<String, JsonObject> payments = settle(base, http, day);
        JsonObject royalties = payments.get("holder:" + content.holder());
        JsonObject takings = payments.get("store:" + clerk.storeId());
        assertEquals("PAY", royalties.getString("direction"));
        assertEquals(5_000, takings.getJsonNumber("amount").longValue());
        String sound = Acknowledgement.write(List.of(deposited(2, takings), deposited(3, royalties)));

        operator = Browsers.open();
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        upload(sound.replace(",5000\n", ",50000\n"));
        assertEquals("Line 4: the checksum does not match the file: it was changed or damaged. Nothing was applied.",
                visible(operator, By.cssSelector(".errors li")).getText());
        assertTrue(operator.findElement(By.id("ack-text")).getAttribute("value").contains(",50000"), "the refused file is shown again");
        operator.get(base + "operator/settlement");
        assertEquals("INSTRUCTED", status(royalties.getString("id")), "nothing was applied");
        assertEquals("INSTRUCTED", status(takings.getString("id")));

        upload(sound);
        assertEquals("Acknowledgement applied: 2 deposited, 0 rejected (carried to the next run), 0 already known.",
                visible(operator, By.cssSelector(".flash")).getText());
        assertEquals("DEPOSITED", status(royalties.getString("id")));
        assertEquals("DEPOSITED", status(takings.getString("id")));
        WebElement row = operator.findElement(By.cssSelector("tr[data-payment='" + takings.getString("id") + "']"));
        assertTrue(row.getText().endsWith("deposited"), row.getText());

        holder = Browsers.open();
        LivePages.signIn(holder, base, content.holder(), content.holderPassword(), "/holder");
        WebElement deposit = visible(holder, By.cssSelector("#deposits tr[data-payment='" + royalties.getString("id") + "']"));
        assertEquals("DEPOSITED", deposit.getAttribute("data-status"));
        assertTrue(deposit.getText().contains(day.toString()), deposit.getText());
        assertTrue(deposit.getText().contains(royalties.getJsonNumber("amount").longValue() + " yen"), deposit.getText());
        assertTrue(deposit.getText().contains("deposited"), deposit.getText());
    }

    @Test
    void aJapanesePageNamesTheLineOfAnUnknownPaymentAndAppliesNothing() throws Exception {
        Center http = Center.asOperator(base);
        LocalDate day = http.aDayNotSettled();
        Center.Clerk clerk = http.openStoreWithClerk("Kaisha");
        Terminals.sell(base, clerk, 3_000, "settle-pw-1");
        JsonObject takings = settle(base, http, day).get("store:" + clerk.storeId());
        String runName = takings.getString("id").substring(0, takings.getString("id").indexOf('-'));
        String unknown = Acknowledgement.write(List.of(deposited(2, takings),
                new Acknowledgement.Line(3, runName + "-999", PaymentStatus.DEPOSITED, 10)));

        operator = Browsers.open("ja");
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        upload(unknown);
        assertEquals("3行目：支払い " + runName + "-999 はありません。何も反映していません。",
                visible(operator, By.cssSelector(".errors li")).getText());
        operator.get(base + "operator/settlement");
        assertEquals("INSTRUCTED", status(takings.getString("id")), "the sound first line was not applied either");
        assertTrue(operator.findElement(By.cssSelector("tr[data-payment='" + takings.getString("id") + "']")).getText()
                .endsWith("受領通知待ち"));
    }

    @Test
    void theReconciliationPageListsADifferenceWithTheTransactionBehindIt() throws Exception {
        Center http = Center.asOperator(base);
        LocalDate day = http.aDayNotSettled();
        Center.Clerk clerk = http.openStoreWithClerk("Reconciled");
        String serial = new Center(base).insertMedia(Terminals.sell(base, clerk, 2_000, "reconcile-pw"), "reconcile-pw");
        // The terminal's accounting record of the sale, changed behind the center's back.
        assertEquals(1, Database.update(base, "update ACCOUNTING_RECORD set BALANCE = BALANCE + 1 where TRANSACTIONID ="
                + " (select min(r.TRANSACTIONID) from ACCOUNTING_RECORD r where r.ACCOUNTID ="
                + " (select m.ACCOUNTID from STORAGE_MEDIA m where m.SERIAL = ?))", serial));

        operator = Browsers.open();
        LivePages.signIn(operator, base, "operator", Center.operatorPassword(base), "/operator");
        operator.get(base + "operator/settlement");
        WebElement dayField = operator.findElement(By.id("reconcile-day"));
        LivePages.dateTime(operator, By.id("reconcile-day"), day.toString());
        Browsers.submitForNewPage(operator, dayField);
        waitFor(operator).until(ExpectedConditions.urlContains("/operator/reconciliation"));
        assertTrue(operator.findElement(By.id("reconciliation-checked")).getText().startsWith("The day " + day + ":"));
        WebElement difference = visible(operator, By.cssSelector("#differences tr[data-check='MEDIA_RECORD'][data-subject='media:" + serial + "']"));
        List<WebElement> cells = difference.findElements(By.tagName("td"));
        assertEquals("Terminal's accounting record against the posting", cells.get(0).getText());
        assertEquals("2,000 yen", cells.get(2).getText());
        assertEquals("2,001 yen", cells.get(3).getText());
        List<WebElement> events = cells.get(4).findElements(By.tagName("li"));
        assertEquals(1, events.size());
        assertTrue(events.get(0).getText().matches("Transaction [0-9]+: Purchase at a store, .+, " + "store:" + clerk.storeId()),
                events.get(0).getText());
    }
}
