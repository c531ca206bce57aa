package org.cascade.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascade.settlement.domain.Acknowledgement;
import org.cascade.settlement.domain.PaymentStatus;
import org.cascade.testing.Browsers;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
import org.cascade.testing.LiveStory;
import org.cascade.testing.ScriptedTerminal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contents holder's deposit mail, received by a real SMTP server: the holder keeps an address
 * on its mail page (one that tries to add headers is refused there and nothing is kept), the
 * center settles a day and the institution acknowledges the deposit; the holder gets one mail in
 * the language of the page it saved the address from, and an acknowledgement sent again mails nothing more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DepositMailsIT {

    private static final int SMTP_PORT = Integer.parseInt(System.getProperty("it.smtp.port", "3025"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSetClock().addClass(LiveStory.class);
    }

    @ArquillianResource
    URL base;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    /** What the outbox kept for an address: each mail's state. */
    private List<String> outbox(Center http, String address) throws Exception {
        JsonObject kept = Center.json(http.get("testing/live-story?mails=" + URLEncoder.encode(address, StandardCharsets.UTF_8)));
        return kept.getJsonArray("mails").stream().map(m -> m.asJsonObject().getString("state")).toList();
    }

    @Test
    void aHolderIsMailedItsDepositOnceInTheLanguageOfItsPage() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Center operator = Center.asOperator(base);
        LocalDate day = operator.aDayNotSettled();
        Center.Clerk clerk = operator.openStoreWithClerk("Deposit mails");
        Contents.Registered content = Contents.register(base, "Mailed deposit", 4 * ScriptedTerminal.PIECE, 600, 0);
        ScriptedTerminal receiver = ScriptedTerminal.open(base, clerk, 5_000);
        assertEquals(600, receiver.receiveFromOrigin(content.id(), 4, content.bytes()));

        Center holder = new Center(base);
        holder.signIn(content.holder(), content.holderPassword());
        String address = content.holder() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        HttpResponse<String> refused = holder.form("/holder/mail", Map.of("address", address + "\r\nBcc: everyone@example.org"), "ja");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("name@example.com のようなメールアドレスを 1 つ"), refused.body());
        assertFalse(holder.page("/holder/mail", "en").body().contains("everyone@example.org"), "nothing was kept");
        assertEquals(302, holder.form("/holder/mail", Map.of("address", address), "ja").statusCode());
        String saved = holder.page("/holder/mail", "ja").body();
        assertTrue(saved.contains("保存しました。入金のお知らせをこのアドレスにお送りします。"), saved);
        assertTrue(holder.page("/holder/mail", "en").body().contains("value=\"" + address + "\""), "the address is kept");

        LivePages.clockAhead(base, Duration.ofDays(1));
        var ran = operator.post("api/settlement/runs", Json.createObjectBuilder().add("day", day.toString()).build());
        assertEquals(200, ran.statusCode(), ran.body());
        JsonObject royalties = Json.createReader(new java.io.StringReader(ran.body())).readArray().getJsonObject(0)
                .getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("payee").equals("holder:" + content.holder())).findFirst().orElseThrow();
        long amount = royalties.getJsonNumber("amount").longValue();
        String ack = Acknowledgement.write(List.of(new Acknowledgement.Line(2, royalties.getString("id"), PaymentStatus.DEPOSITED, amount)));
        var applied = operator.post("api/settlement/acknowledgements", Json.createObjectBuilder().add("file", ack).build());
        assertEquals(1, Center.json(applied).getInt("deposited"), applied.body());

        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the deposit mail arrives");
        List<MimeMessage> mails = mailsTo(address);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        String yen = String.format("%,d 円", amount);
        assertEquals("入金のお知らせ: " + yen, mail.getSubject());
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains(yen + " の入金を確認しました。" + day + " の収益"), text);
        assertTrue(text.contains("支払番号は " + royalties.getString("id") + " です。"), text);
        assertTrue(text.contains("https://cascade.example/holder"), text);

        // the same file again changes nothing and mails nothing: the outbox keeps the one mail, sent
        var again = operator.post("api/settlement/acknowledgements", Json.createObjectBuilder().add("file", ack).build());
        assertEquals(1, Center.json(again).getInt("unchanged"), again.body());
        Browsers.eventually("the mail marked sent", Duration.ofSeconds(30), () -> outbox(operator, address).equals(List.of("SENT")));
        assertEquals(1, mailsTo(address).size(), "one mail, once");
    }
}
