package org.cascade.catalog.domain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cascade.platform.domain.RuleViolation;

/**
 * Thumbnails and promotion images: PNG or JPEG by their first bytes (whatever the file claims to
 * be), decodable as such, at most 2 MiB and 4096 pixels a side. A script, a PDF or an HTML page
 * named "picture.png" is refused.
 */
public final class Images {

    public static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final int MAX_SIDE = 4096;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private Images() {
    }

    /**
     * Decodes the image to prove it is one, after reading its dimensions from the header: a tiny
     * file may claim 40000 × 40000 pixels, which must be refused before a pixel is allocated.
     */
    private static void decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new RuleViolation("image.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new RuleViolation("image.dimensions", MAX_SIDE);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new RuleViolation("image.type");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** The image's real media type, or a refusal naming what is wrong. */
    public static String inspect(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0 || size > MAX_BYTES) {
                throw new RuleViolation("image.size", MAX_BYTES / 1024 / 1024);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(8);
            }
            String type;
            if (Arrays.equals(head, PNG)) {
                type = "image/png";
            } else if (head.length >= 3 && Arrays.equals(Arrays.copyOf(head, 3), JPEG)) {
                type = "image/jpeg";
            } else {
                throw new RuleViolation("image.type");
            }
            decode(file);
            return type;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation refusal) {
                throw refusal;
            }
            throw new RuleViolation("image.type");
        }
    }
}
