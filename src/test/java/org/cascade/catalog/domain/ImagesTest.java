package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {

    @TempDir
    Path dir;

    private Path write(String name, String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2 + 1, height / 2 + 1);
        g.dispose();
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
        return file;
    }

    private static String refusal(Path file) {
        return assertThrows(RuleViolation.class, () -> Images.inspect(file)).messageKey();
    }

    @Test
    void realPngIsImagePng() throws IOException {
        assertEquals("image/png", Images.inspect(write("thumb.png", "png", 64, 48)));
    }

    @Test
    void realJpegIsImageJpeg() throws IOException {
        assertEquals("image/jpeg", Images.inspect(write("thumb.jpg", "jpeg", 64, 48)));
    }

    @Test
    void typeComesFromTheBytesNotTheFileName() throws IOException {
        assertEquals("image/jpeg", Images.inspect(write("looks-like.png", "jpeg", 20, 20)));
    }

    @Test
    void htmlPageNamedPngIsRefusedAsType() throws IOException {
        Path file = dir.resolve("x.png");
        Files.writeString(file, "<!doctype html><html><body><script>alert(1)</script></body></html>", StandardCharsets.UTF_8);

        assertEquals("image.type", refusal(file));
    }

    @Test
    void pngSignatureFollowedByGarbageIsRefusedAsType() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] data = new byte[8 + garbage.length];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, data, 0, 8);
        System.arraycopy(garbage, 0, data, 8, garbage.length);
        Path file = dir.resolve("fake.png");
        Files.write(file, data);

        assertEquals("image.type", refusal(file));
    }

    @Test
    void emptyFileIsRefusedAsSize() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));

        assertEquals("image.size", refusal(file));
    }

    @Test
    void fileOverTwoMebibytesIsRefusedAsSize() throws IOException {
        Path png = write("big.png", "png", 16, 16);
        byte[] head = Files.readAllBytes(png);
        byte[] data = new byte[(int) Images.MAX_BYTES + 1];
        System.arraycopy(head, 0, data, 0, head.length);
        Path file = dir.resolve("too-big.png");
        Files.write(file, data);

        assertEquals(2L * 1024 * 1024, Images.MAX_BYTES);
        assertEquals("image.size", refusal(file));
    }

    @Test
    void imageWiderThan4096PixelsIsRefusedAsDimensions() throws IOException {
        assertEquals("image.dimensions", refusal(write("wide.png", "png", 4097, 10)));
    }

    @Test
    void imageTallerThan4096PixelsIsRefusedAsDimensions() throws IOException {
        assertEquals("image.dimensions", refusal(write("tall.png", "png", 10, 4097)));
    }

    @Test
    void imageOfExactly4096PixelsASideIsAccepted() throws IOException {
        assertEquals("image/png", Images.inspect(write("edge.png", "png", 4096, 10)));
    }

    /** A 1×1 PNG whose header claims 40000 × 40000 pixels: refused from the header, before any decoding. */
    @Test
    void anImageBombIsRefusedBeforeDecoding() throws IOException {
        Path small = dir.resolve("one.png");
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", small.toFile());
        byte[] png = Files.readAllBytes(small);
        // IHDR starts at byte 8: length (4), "IHDR" (4), width (4), height (4), ... then its CRC over type and data.
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        b.putInt(16, 40_000).putInt(20, 40_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(12 + 4 + 13, (int) crc.getValue());
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, png);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> Images.inspect(bomb));
        assertEquals("image.dimensions", refused.messageKey());
    }
}
