package org.cascade.testing;

import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Contents as a holder registers them through the API, listed (hashed and signed) before the test goes on. */
public final class Contents {

    private Contents() {
    }

    /** A registered content: its id, name and bytes, and the holder who registered it (user name and password). */
    public record Registered(String id, String name, byte[] bytes, String holder, String holderPassword) {
    }

    /** Registers {@code size} random bytes under a new holder, with the given unit cost and redistributor share; waits until listed. */
    public static Registered register(URL base, String label, int size, long unitCost, int sharePercent) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String holderName = "holder-" + suffix;
        String password = Terminals.holder(base, holderName);
        Center holder = new Center(base);
        holder.signIn(holderName, password);
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        String file = holder.upload(bytes, "CONTENT", label + ".webm");
        String thumbnail = holder.upload(png(), "IMAGE", "thumb.png");
        String name = label + " " + suffix;
        var registered = holder.post("api/contents", Json.createObjectBuilder().add("name", name)
                .add("genre", "MUSIC").add("writerName", "Writer " + suffix).add("writerPayoutAccount", "Bank 1, 000111")
                .add("unitCost", unitCost).add("redistributionAllowed", sharePercent > 0).add("redistributorSharePercent", sharePercent)
                .add("previewBytes", 0).add("fileName", label + ".webm").add("mediaType", "video/webm")
                .add("fileUpload", file).add("thumbnailUpload", thumbnail).build());
        if (registered.statusCode() / 100 != 2) {
            throw new IllegalStateException("registration refused: " + registered.body());
        }
        String id = Center.json(registered).getString("id");
        Browsers.eventually(id + " to be listed", Duration.ofSeconds(30),
                () -> "LISTED".equals(Center.json(holder.get("api/contents/" + id)).getString("status")));
        return new Registered(id, name, bytes, holderName, password);
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.CYAN);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
