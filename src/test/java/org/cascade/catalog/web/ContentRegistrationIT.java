package org.cascade.catalog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.Color;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

/**
 * Registration through the API: every refusal leaves no content and no file behind; a registered
 * content is processed into a signed manifest whose piece hashes match the uploaded bytes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContentRegistrationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    @Test
    void refusalsLeaveNothingBehindAndARegistrationIsListedWithItsManifest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String holderName = "reg-" + suffix;
        Center holder = new Center(base);
        holder.signIn(holderName, Terminals.holder(base, holderName));
        byte[] bytes = new byte[700_000];
        new Random(3).nextBytes(bytes);
        byte[] png = Files.readAllBytes(CatalogStoryIT.png(Files.createTempFile("t", ".png"), Color.BLUE));
        Set<String> contentsBefore = contentDirs();

        String file = holder.upload(bytes, "CONTENT", "lecture.mp4");
        String thumb = holder.upload(png, "IMAGE", "thumb.png");
        String fake = holder.upload("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "IMAGE", "thumb.png");

        assertRefused(holder, registration("Lecture " + suffix, file, fake).add("unitCost", 500), "image.type");
        assertRefused(holder, registration("Lecture " + suffix, file, thumb).add("unitCost", -5), "invalid");
        assertRefused(holder, registration("Lecture " + suffix, file, thumb).add("unitCost", 5_000_000), "invalid");
        assertRefused(holder, registration("Lecture " + suffix, file, thumb).add("unitCost", 500)
                .add("redistributionAllowed", false).add("redistributorSharePercent", 10), "content.share.withoutRedistribution");
        assertRefused(holder, registration("Lecture " + suffix, "no-such-upload", thumb).add("unitCost", 500), null);
        assertEquals(contentsBefore, contentDirs(), "no content directory was left by a refusal");
        assertEquals(404, holder.get("api/contents/CT-0000-0000").statusCode(), "unknown ids are 404");

        var registered = holder.post("api/contents", registration("Lecture " + suffix, file, thumb).add("unitCost", 500).build());
        assertEquals(201, registered.statusCode(), registered.body());
        String id = Center.json(registered).getString("id");
        assertRefused(holder, registration("  lecture   " + suffix.toUpperCase() + " ", holder.upload(bytes, "CONTENT", "again.mp4"),
                holder.upload(png, "IMAGE", "t.png")).add("unitCost", 500), "content.name.taken");

        JsonObject listed = null;
        for (int i = 0; i < 100 && (listed == null || !listed.getString("status").equals("LISTED")); i++) {
            Thread.sleep(200);
            listed = Center.json(holder.get("api/contents/" + id));
        }
        assertEquals("LISTED", listed.getString("status"));
        assertEquals(bytes.length, listed.getJsonNumber("size").longValue());

        var served = holder.get("api/contents/" + id + "/manifest", "application/jwt");
        assertEquals(200, served.statusCode(), served.body());
        String manifest = served.body();
        JsonObject claims = Json.createReader(new java.io.StringReader(new String(
                Base64.getUrlDecoder().decode(manifest.split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        JsonObject m = claims.getJsonObject("manifest");
        int pieceSize = m.getInt("pieceSize");
        assertEquals(256 * 1024, pieceSize);
        assertEquals(3, m.getJsonArray("pieces").size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 3; i++) {
            int from = i * pieceSize;
            sha.update(bytes, from, Math.min(pieceSize, bytes.length - from));
            assertEquals(HexFormat.of().formatHex(sha.digest()), m.getJsonArray("pieces").getString(i), "piece " + i);
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), m.getString("file"));
        assertEquals(id, claims.getString("sub"));
    }

    private JsonObjectBuilder registration(String name, String file, String thumbnail) {
        return Json.createObjectBuilder().add("name", name).add("genre", "LECTURE").add("writerName", "Prof. A")
                .add("writerPayoutAccount", "Bank 1, 000111").add("redistributionAllowed", true).add("redistributorSharePercent", 10)
                .add("previewBytes", 1000).add("fileName", "lecture.mp4").add("mediaType", "video/mp4")
                .add("fileUpload", file).add("thumbnailUpload", thumbnail);
    }

    private static void assertRefused(Center holder, JsonObjectBuilder body, String reason) throws Exception {
        var r = holder.post("api/contents", body.build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(!Center.json(r).getString("message").isBlank(), r.body());
        if (reason != null) {
            assertEquals(reason, Center.json(r).getString("reason", ""), r.body());
        }
    }

    private static Set<String> contentDirs() throws Exception {
        Path dir = Path.of(System.getProperty("cascade.data.dir"), "contents");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
