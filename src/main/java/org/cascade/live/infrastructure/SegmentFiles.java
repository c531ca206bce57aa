package org.cascade.live.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cascade.platform.application.AfterCompletion;

/**
 * Where an event's segments live: {@code <data dir>/live/<event>/<pattern index>/<seq>}. A segment
 * is written to a temporary file and moved into place, inside the publication's transaction: if
 * that transaction does not commit, the file goes, so no segment without its record is left.
 */
@ApplicationScoped
public class SegmentFiles {

    @Resource(lookup = "cascade/dataDir")
    String dataDir;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    Path path(String eventId, int patternIndex, long seq) {
        if (!eventId.matches("LV-[0-9A-Z]{4}-[0-9A-Z]{4}") || patternIndex < 0 || seq < 0) {
            throw new IllegalArgumentException("no segment " + eventId + "/" + patternIndex + "/" + seq);
        }
        return Path.of(dataDir, "live", eventId, "p" + patternIndex, Long.toString(seq));
    }

    public void write(String eventId, int patternIndex, long seq, byte[] bytes) {
        Path target = path(eventId, patternIndex, seq);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "segment", ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transactions.registerInterposedSynchronization(AfterCompletion.ifRolledBack(() -> {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    public byte[] read(String eventId, int patternIndex, long seq) {
        try {
            return Files.readAllBytes(path(eventId, patternIndex, seq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
