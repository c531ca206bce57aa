package org.cascade.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.cascade.testing.LiveStory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mails of live applications, received by a real SMTP server (GreenMail, started here on the
 * port the tests' Liberty sends to): the lottery story gives each applicant exactly its mails, in
 * its language, with the figures and links of the event; an SMTP server down during the draw gets
 * every mail once it is back, each once; an address that tries to add headers is refused at the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveMailsIT {

    private static final int SMTP_PORT = Integer.parseInt(System.getProperty("it.smtp.port", "3025"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSetClock().addClass(LiveStory.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail smtp;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private JsonObject story(String method, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "testing/live-story" + (method.equals("GET") ? "?" + form : "")));
        r = method.equals("GET") ? r.GET() : r.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Center.json(response.body());
    }

    private void clockAhead(Duration by) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "testing/clock?ahead=" + by)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String LIVE_PASSWORD = "story-password";

    private record Applicant(String name, String email, String language, String serial, String code, String application,
                             long amount) {
    }

    private Applicant apply(String eventId, String name, String language, int order) throws Exception {
        JsonObject media = story("POST", Map.of("action", "media", "balance", "5000"));
        String email = name.toLowerCase() + "-" + suffix + "@example.org";
        JsonObject applied = story("POST", Map.of("action", "apply", "serial", media.getString("serial"), "event", eventId,
                "order", Integer.toString(order), "name", name, "email", email, "language", language));
        return new Applicant(name, email, language, media.getString("serial"), media.getString("code"),
                applied.getString("application"),
                applied.getJsonNumber("amount").longValue());
    }

    /** The mails the SMTP server received for one address, the oldest first. */
    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    private static String html(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    }

    private static void within(Duration limit, BooleanSupplier done, String what) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private BooleanSupplier received(String address, int count) {
        return () -> {
            try {
                return mailsTo(address).size() >= count;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The subjects the server received for an address, once each mail of the outbox is sent. */
    private List<String> subjectsOnceAllSent(String address, int count) throws Exception {
        within(Duration.ofSeconds(30), received(address, count), count + " mails to " + address);
        within(Duration.ofSeconds(30), () -> {
            try {
                JsonObject outbox = story("GET", Map.of("mails", address));
                return outbox.getJsonArray("mails").stream().allMatch(m -> m.asJsonObject().getString("state").equals("SENT"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "every mail to " + address + " marked sent");
        assertEquals(count, story("GET", Map.of("mails", address)).getJsonArray("mails").size(), "mails kept for " + address);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mailsTo(address)) {
            subjects.add(m.getSubject());
        }
        assertEquals(count, subjects.size(), "each mail exactly once: " + subjects);
        return subjects;
    }

    @Test
    void theLotteryStoryGivesEachApplicantItsMailsInItsLanguage() throws Exception {
        startSmtp();
        String title = "Mail night " + suffix;
        String event = "The Cascades \u2014 " + title;
        JsonObject opened = story("POST", Map.of("action", "event", "title", title));
        String eventId = opened.getString("event");
        String commitment = opened.getString("commitment");
        // one primary place by lottery: Aiko (English) and Ben (Japanese) apply for it; Chie for the first-come third order
        Applicant aiko = apply(eventId, "Aiko", "en", 1);
        Applicant ben = apply(eventId, "Ben", "ja", 1);
        Applicant chie = apply(eventId, "Chie", "en", 3);

        within(Duration.ofSeconds(30), received(aiko.email(), 1), "Aiko's application received");
        MimeMessage received = mailsTo(aiko.email()).get(0);
        assertEquals("Application received: " + event, received.getSubject());
        String text = text(received);
        assertTrue(text.contains("the primary distribution, edit pattern"), text);
        assertTrue(text.contains(String.format("%,d yen", aiko.amount())), text);
        assertTrue(text.contains("drawn by lottery") && text.contains(commitment), text);
        assertTrue(text.contains("https://cascade.example/live/event?id=" + eventId), text);
        assertTrue(html(received).contains("<a href=\"https://cascade.example/live/event?id=" + eventId + "\">"), html(received));
        within(Duration.ofSeconds(30), received(ben.email(), 1), "Ben's application received");
        MimeMessage benReceived = mailsTo(ben.email()).get(0);
        assertEquals("申込を受け付けました: " + event, benReceived.getSubject());
        assertTrue(text(benReceived).contains("抽選") && text(benReceived).contains(commitment), text(benReceived));
        within(Duration.ofSeconds(30), received(chie.email(), 1), "Chie's application received");
        assertTrue(text(mailsTo(chie.email()).get(0)).contains("first come, first served"), text(mailsTo(chie.email()).get(0)));

        // the lottery closes: the schedule draws it; the winner is charged at once (the set count is one)
        clockAhead(Duration.ofMinutes(4));
        within(Duration.ofSeconds(30), () -> {
            try {
                return !story("GET", Map.of("event", eventId)).getJsonArray("winners").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the draw");
        String winnerId = story("GET", Map.of("event", eventId)).getJsonArray("winners").getString(0);
        Applicant winner = winnerId.equals(aiko.application()) ? aiko : ben;
        Applicant loser = winner == aiko ? ben : aiko;
        boolean winnerJa = winner.language().equals("ja");

        List<String> won = subjectsOnceAllSent(winner.email(), 3);
        assertEquals(List.of(winnerJa ? "申込を受け付けました: " + event : "Application received: " + event,
                winnerJa ? "抽選に当選しました: " + event : "You won the lottery: " + event,
                winnerJa ? String.format("%,d 円 を課金しました: ", winner.amount()) + event
                        : String.format("Charged %,d yen: ", winner.amount()) + event), won);
        String wonText = text(mailsTo(winner.email()).get(1));
        assertTrue(wonText.contains(winnerJa ? String.format("残高から %,d 円 を課金しました。", winner.amount())
                : String.format("%,d yen was charged from your balance.", winner.amount())), wonText);
        String chargedText = text(mailsTo(winner.email()).get(2));
        assertTrue(chargedText.contains("https://cascade.example/live/watch?id=" + eventId), chargedText);

        List<String> lost = subjectsOnceAllSent(loser.email(), 2);
        boolean loserJa = loser.language().equals("ja");
        assertEquals(loserJa ? "抽選結果: " + event : "Lottery result: " + event, lost.get(1));
        String lostText = text(mailsTo(loser.email()).get(1));
        JsonObject offered = story("GET", Map.of("event", eventId, "serial", loser.serial()));
        assertFalse(offered.getJsonArray("offers").isEmpty(), "the loser has orders with room");
        for (var o : offered.getJsonArray("offers")) {
            int order = o.asJsonObject().getInt("order");
            long price = o.asJsonObject().getJsonNumber("price").longValue();
            String line = loserJa ? String.format("\u2022 %d次配信: %,d 円、残り %d 枠", order, price, o.asJsonObject().getInt("room"))
                    : String.format("distribution: %,d yen, %d places left", price, o.asJsonObject().getInt("room"));
            assertTrue(lostText.contains(line), line + " in " + lostText);
        }
        assertTrue(lostText.contains("https://cascade.example/live/event?id=" + eventId), lostText);

        // Chie's order is first come under a relay of the second order, which nobody holds: no charge, no other mail
        assertEquals(1, subjectsOnceAllSent(chie.email(), 1).size());

        // a quarter of an hour before the start, the paying applicant gets the watch link, once
        Instant centerNow = Instant.parse(http.send(HttpRequest.newBuilder(URI.create(base + "testing/clock")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().strip());
        clockAhead(Duration.between(centerNow, Instant.parse(opened.getString("startsAt")).minus(Duration.ofMinutes(10))));
        List<String> starting = subjectsOnceAllSent(winner.email(), 4);
        assertEquals(winnerJa ? "まもなく開始: " + event : "About to start: " + event, starting.get(3));
        assertTrue(text(mailsTo(winner.email()).get(3)).contains("https://cascade.example/live/watch?id=" + eventId));
        assertEquals(2, mailsTo(loser.email()).size(), "nothing more for the loser");
    }

    @Test
    void mailsOfADrawWhileTheServerIsDownGoOutOnceItIsBack() throws Exception {
        JsonObject opened = story("POST", Map.of("action", "event", "title", "Down night " + suffix));
        String eventId = opened.getString("event");
        Applicant dai = apply(eventId, "Dai", "ja", 1);
        Applicant emi = apply(eventId, "Emi", "en", 1);
        // an event of the same evening, whose only applicant wins its place and keeps its reminders
        JsonObject other = story("POST", Map.of("action", "event", "title", "Same night " + suffix));
        Applicant gil = apply(other.getString("event"), "Gil", "en", 1);
        // the draw happens while nothing listens on the SMTP port
        clockAhead(Duration.ofMinutes(4));
        within(Duration.ofSeconds(30), () -> {
            try {
                return story("GET", Map.of("mails", dai.email())).getJsonArray("mails").size()
                        + story("GET", Map.of("mails", emi.email())).getJsonArray("mails").size() == 5;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the draw's mails kept: received twice, won, charged and lost");
        within(Duration.ofSeconds(30), () -> {
            try {
                return story("GET", Map.of("mails", dai.email())).getJsonArray("mails").stream()
                        .allMatch(m -> m.asJsonObject().getInt("attempts") > 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the first attempts failed");
        // failing again and again, they show on the operator's mail page with what went wrong
        for (int attempts = 2; attempts <= 3; attempts++) {
            clockAhead(Duration.ofMinutes(5));
            int atLeast = attempts;
            within(Duration.ofSeconds(30), () -> {
                try {
                    return story("GET", Map.of("mails", dai.email())).getJsonArray("mails").stream()
                            .allMatch(m -> m.asJsonObject().getInt("attempts") >= atLeast);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "attempt " + attempts + " failed");
        }
        Center operator = Center.asOperator(base);
        String page = operator.page("operator/mail", "en").body();
        assertTrue(page.contains("Mails are on"), page);
        for (var m : story("GET", Map.of("mails", dai.email())).getJsonArray("mails")) {
            String key = m.asJsonObject().getString("key");
            int row = page.indexOf("data-key=\"" + key + "\"");
            assertTrue(row > 0, key + " listed: " + page);
            assertTrue(page.substring(row, page.indexOf("</tr>", row)).toLowerCase().contains("connect"), page.substring(row));
        }

        // the server is back; the retries come due
        startSmtp();
        clockAhead(Duration.ofMinutes(10));
        String winnerId = story("GET", Map.of("event", eventId)).getJsonArray("winners").getString(0);
        Applicant winner = winnerId.equals(dai.application()) ? dai : emi;
        Applicant loser = winner == dai ? emi : dai;
        assertEquals(3, subjectsOnceAllSent(winner.email(), 3).size());
        assertEquals(2, subjectsOnceAllSent(loser.email(), 2).size());
        assertEquals(3, subjectsOnceAllSent(gil.email(), 3).size());

        // the winner stops reminders on its mail page; at the start only Gil is reminded, and nothing is sent again
        Center terminal = new Center(base);
        assertEquals(winner.serial(), terminal.insertMedia(winner.code(), LIVE_PASSWORD));
        assertTrue(terminal.page("terminal/mail", "en").body().contains("id=\"reminders\" checked"), "reminders on at first");
        terminal.form("terminal/mail", Map.of(), "en");
        HttpResponse<String> saved = terminal.page("terminal/mail", "en");
        assertTrue(saved.body().contains("Your choice of mails is saved."), saved.body());
        assertFalse(saved.body().contains("id=\"reminders\" checked"), saved.body());
        Instant centerNow = Instant.parse(http.send(HttpRequest.newBuilder(URI.create(base + "testing/clock")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().strip());
        clockAhead(Duration.between(centerNow, Instant.parse(opened.getString("startsAt")).minus(Duration.ofMinutes(10))));
        assertEquals("About to start: The Cascades \u2014 Same night " + suffix, subjectsOnceAllSent(gil.email(), 4).get(3));
        assertEquals(3, story("GET", Map.of("mails", winner.email())).getJsonArray("mails").size(), "no reminder kept");
        assertEquals(3, mailsTo(winner.email()).size());
        assertEquals(2, mailsTo(loser.email()).size());
    }

    @Test
    void anAddressThatWouldAddHeadersIsRefusedAtTheForm() throws Exception {
        String eventId = story("POST", Map.of("action", "event", "title", "Form night " + suffix)).getString("event");
        JsonObject media = story("POST", Map.of("action", "media", "balance", "5000"));
        Center terminal = new Center(base);
        String serial = terminal.insertMedia(media.getString("code"), media.getString("password"));
        for (String language : List.of("en", "ja")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("id", eventId);
            form.put("order", "1");
            form.put("name", "Gen");
            form.put("email", "gen@example.org\r\nBcc: everyone@example.org");
            HttpResponse<String> refused = terminal.form("live/apply", form, language);
            String expected = language.equals("ja") ? "name@example.com のようなメールアドレスを入力してください。"
                    : "Enter an e-mail address such as name@example.com.";
            assertTrue(refused.body().contains(expected), refused.statusCode() + " " + refused.body());
        }
        JsonObject state = story("GET", Map.of("event", eventId));
        assertTrue(state.getJsonArray("applications").stream().noneMatch(a -> a.asJsonObject().getString("applicant").equals(serial)),
                "nothing kept");
    }

    @Test
    void aCheckpointThatMovesTheStreamTellsTheApplicantsWaitingForIt() throws Exception {
        startSmtp();
        JsonObject opened = story("POST", Map.of("action", "event", "title", "Moved night " + suffix));
        String eventId = opened.getString("event");
        Applicant hana = apply(eventId, "Hana", "ja", 3);
        within(Duration.ofSeconds(30), received(hana.email(), 1), "Hana's application received");
        // demand falls to almost nothing: at the checkpoint 7 days before, the interval between orders changes
        story("POST", Map.of("action", "demand", "event", eventId));
        Instant centerNow = Instant.parse(http.send(HttpRequest.newBuilder(URI.create(base + "testing/clock")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().strip());
        clockAhead(Duration.between(centerNow, Instant.parse(opened.getString("startsAt")).minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))));
        List<String> subjects = subjectsOnceAllSent(hana.email(), 2);
        assertEquals("配信開始時刻の変更: The Cascades \u2014 Moved night " + suffix, subjects.get(1));
        String text = text(mailsTo(hana.email()).get(1));
        assertTrue(text.contains("7 日前のチェックポイントで 3次配信の条件が改定されました"), text);
        assertTrue(text.contains("https://cascade.example/live/event?id=" + eventId), text);
    }
}
