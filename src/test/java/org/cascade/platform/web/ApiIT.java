package org.cascade.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.cascade.testing.Center;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input at the API: refused with a clear JSON message in the caller's language, without a
 * stack trace, and nothing written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void stateChangesWithoutTheCsrfTokenAreRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "api/session")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/media/redemptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"ABCD-EFGH-JKMN\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertEquals("api.csrf", Center.json(r).getString("reason"));
    }

    @Test
    void malformedOversizedAndUnknownInputGetsClearMessages() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Api");
        Center api = new Center(base);
        api.signIn(clerk.username(), clerk.password());

        HttpResponse<String> malformed = api.post("api/store/sales", Json.createValue("not an object"));
        assertEquals(400, malformed.statusCode());
        assertNoStackTrace(malformed);

        HttpResponse<String> negative = api.post("api/store/sales", Json.createObjectBuilder()
                .add("amount", -100).add("password", "buyer-pw").add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(400, negative.statusCode());
        assertTrue(Center.json(negative).getString("message").contains("at least 1"), negative.body());

        HttpResponse<String> unknown = api.post("api/store/replenishments", Json.createObjectBuilder()
                .add("media", "CM-0000-0000").add("amount", 100).add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(404, unknown.statusCode());
        assertEquals("There is no media CM-0000-0000.", Center.json(unknown).getString("message"));

        HttpResponse<String> huge = api.post("api/store/replenishments", Json.createObjectBuilder()
                .add("media", "x".repeat(100_000)).add("amount", 100).add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(413, huge.statusCode());
        assertNoStackTrace(huge);

        HttpResponse<String> receipts = api.get("api/store/receipts");
        assertEquals(200, receipts.statusCode());
        assertEquals("[]", receipts.body().replaceAll("\\s", ""), "nothing was written");
    }

    /**
     * A signed-in session stays signed in as long as the session lives, whatever other callers do:
     * the caller is kept in the session only, never behind a single-sign-on cookie in a bounded
     * server-wide cache (whose evictions once signed everybody out after 25,000 requests).
     */
    @Test
    void signedInSessionsDependOnTheirSessionOnly() throws Exception {
        Center.Clerk clerk = Center.asOperator(base).openStoreWithClerk("Sessions");
        CookieManager jar = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(jar).build();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "api/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(jar);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "api/session"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", Center.json(anonymous).getString("csrfToken"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", clerk.username())
                        .add("password", clerk.password()).build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals(List.of("CASCADE_SESSION"), jar.getCookieStore().getCookies().stream().map(HttpCookie::getName).distinct().toList(),
                "the session cookie is the only cookie");
        assertFalse(before.equals(sessionCookie(jar)), "signing in gives the session a new id");

        // Others sign in and out and make requests meanwhile; this session is not affected.
        for (int round = 0; round < 20; round++) {
            Center other = new Center(base);
            other.signIn(clerk.username(), clerk.password());
            for (int i = 0; i < 10; i++) {
                assertEquals(200, other.get("api/store/receipts").statusCode());
            }
            assertEquals(204, other.delete("api/session").statusCode());
            assertEquals(401, other.get("api/store/receipts").statusCode(), "signed out");
        }
        HttpResponse<String> still = http.send(HttpRequest.newBuilder(URI.create(base + "api/store/receipts"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, still.statusCode(), still.body());
        assertEquals(clerk.username(), Center.json(http.send(HttpRequest.newBuilder(URI.create(base + "api/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString())).getString("user"));
    }

    private static String sessionCookie(CookieManager jar) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("CASCADE_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    @Test
    void unsignedMediaIsRefusedInJapaneseForAJapaneseTerminal() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"cascade-media-rom+jwt\"}");
        String payload = b64("{\"sub\":\"CM-0000-0000\",\"rom\":{\"accessKey\":\"x\"}}");
        String media = Json.createObjectBuilder().add("format", "cascade-media/1").add("serial", "CM-0000-0000")
                .add("rom", header + "." + payload + ".").add("ram", header + "." + payload + ".").build().toString();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = Center.json(http.send(HttpRequest.newBuilder(URI.create(base + "api/session")).GET().build(),
                HttpResponse.BodyHandlers.ofString())).getString("csrfToken");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/terminal/session"))
                .header("Content-Type", "application/json").header("Accept-Language", "ja,en;q=0.5").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("media", media).add("password", "x")
                        .build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        JsonObject body = Center.json(r);
        assertEquals("MALFORMED", body.getString("reason"));
        assertEquals("これは Cascade の記憶メディアのファイルではありません。", body.getString("message"));

        HttpResponse<String> notSignedIn = http.send(HttpRequest.newBuilder(URI.create(base + "api/terminal/records")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, notSignedIn.statusCode());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoStackTrace(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }
}
