package org.cascade.catalog.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cascade.catalog.domain.ManifestSeal;
import org.cascade.platform.application.AfterCompletion;
import org.cascade.platform.infrastructure.CenterKey;

/**
 * Where registered contents live: {@code <data dir>/contents/<id>/} holds the file ("content")
 * and its images ("thumbnail", "promotion"). Files arrive by moving a completed upload, so a
 * content's bytes are written once and never copied through memory.
 */
@ApplicationScoped
public class ContentFiles {

    public enum Kind {
        CONTENT("content"), THUMBNAIL("thumbnail"), PROMOTION("promotion");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }
    }

    @Resource(lookup = "cascade/dataDir")
    String dataDir;

    @Produces
    @Singleton
    ManifestSeal manifestSeal(CenterKey key) {
        return new JoseManifestSeal(key);
    }

    public Path path(String contentId, Kind kind) {
        if (!contentId.matches("CT-[0-9A-Z]{4}-[0-9A-Z]{4}")) {
            throw new IllegalArgumentException("not a content id: " + contentId);
        }
        return Path.of(dataDir, "contents", contentId, kind.fileName);
    }

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /**
     * Moves a completed upload into place (an atomic rename on the same file system), inside the
     * registration's transaction: should that transaction not commit, the file goes back where it
     * was, so that neither an orphan content file nor an upload without its bytes is left.
     */
    public void moveIn(Path upload, String contentId, Kind kind) {
        Path target = path(contentId, kind);
        try {
            Files.createDirectories(target.getParent());
            Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transactions.registerInterposedSynchronization(AfterCompletion.ifRolledBack(() -> {
            try {
                Files.move(target, upload, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    public InputStream open(String contentId, Kind kind) throws IOException {
        return Files.newInputStream(path(contentId, kind));
    }

    public boolean exists(String contentId, Kind kind) {
        return Files.isRegularFile(path(contentId, kind));
    }

    /** Removes a content's directory and everything in it (a registration that did not go through). */
    public void removeAll(String contentId) {
        Path dir = path(contentId, Kind.CONTENT).getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
