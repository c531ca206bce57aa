package org.cascade.catalog.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cascade.catalog.domain.Upload;
import org.cascade.catalog.domain.UploadPurpose;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the registration of a content relies on, inside the server: the completed file only for
 * its owner and purpose, its release within the caller's transaction (file moved away or not,
 * committed or rolled back), the sweep of expired uploads and orphan files, and one writer at a
 * time per upload.
 */
@ExtendWith(ArquillianExtension.class)
class UploadsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.cascade().addClasses(UploadsIT.class, Ageing.class);
    }

    @Inject
    Uploads uploads;

    /** The registration's transaction, as it will call release in it. */
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Inject
    Ageing ageing;

    @Resource(lookup = "cascade/dataDir")
    String dataDir;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    String owner;

    @BeforeEach
    void newOwner() {
        owner = "h-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Upload complete(byte[] content) {
        Upload u = uploads.begin(owner, UploadPurpose.CONTENT, "film.mp4", content.length);
        assertTrue(uploads.append(owner, u.id(), 0, new ByteArrayInputStream(content), content.length).isComplete());
        return u;
    }

    private Path file(String id) {
        return Path.of(dataDir, "uploads", id + ".part");
    }

    @Test
    void theCompletedFileIsOnlyTheOwnersAndOnlyForItsPurpose() throws Exception {
        Upload u = uploads.begin(owner, UploadPurpose.CONTENT, "film.mp4", 100);
        RuleViolation early = assertThrows(RuleViolation.class, () -> uploads.completedFile(owner, u.id(), UploadPurpose.CONTENT));
        assertEquals("upload.incomplete", early.messageKey());
        byte[] content = random(100, 1);
        uploads.append(owner, u.id(), 0, new ByteArrayInputStream(content), -1);

        Path path = uploads.completedFile(owner, u.id(), UploadPurpose.CONTENT);
        assertArrayEquals(content, Files.readAllBytes(path));
        assertThrows(NotFound.class, () -> uploads.completedFile(owner, u.id(), UploadPurpose.IMAGE));
        assertThrows(NotFound.class, () -> uploads.completedFile("someone-else", u.id(), UploadPurpose.CONTENT));
        assertThrows(ConstraintViolationException.class, () -> uploads.completedFile(owner, "../../keys/x", UploadPurpose.CONTENT));
    }

    @Test
    void aFileMovedAwayAndReleasedIsTheCallersAndTheUploadIsGone() throws Exception {
        Upload u = complete(random(5000, 2));
        Path target = Files.createTempFile(Path.of(dataDir), "registered-", ".bin");
        transaction.begin();
        Files.move(uploads.completedFile(owner, u.id(), UploadPurpose.CONTENT), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        uploads.release(owner, u.id());
        transaction.commit();
        assertThrows(NotFound.class, () -> uploads.status(owner, u.id()));
        assertEquals(5000, Files.size(target));
        assertFalse(Files.exists(file(u.id())));
        Files.delete(target);
    }

    @Test
    void aReleasedFileLeftInPlaceGoesOnlyWhenTheCallerCommits() throws Exception {
        Upload u = complete(random(100, 3));
        transaction.begin();
        uploads.release(owner, u.id());
        assertTrue(Files.exists(file(u.id())), "not before the caller's transaction commits");
        transaction.rollback();
        assertTrue(uploads.status(owner, u.id()).isComplete(), "a rolled-back release keeps the upload");
        assertTrue(Files.exists(file(u.id())));

        transaction.begin();
        uploads.release(owner, u.id());
        transaction.commit();
        assertThrows(NotFound.class, () -> uploads.status(owner, u.id()));
        assertFalse(Files.exists(file(u.id())));
        assertThrows(NotFound.class, () -> uploads.release(owner, u.id()));
    }

    @Test
    void expiredUploadsAndOrphanFilesAreSwept() throws Exception {
        Upload expiring = uploads.begin(owner, UploadPurpose.CONTENT, "old.bin", 1000);
        uploads.append(owner, expiring.id(), 0, new ByteArrayInputStream(random(10, 4)), 10);
        Upload fresh = uploads.begin(owner, UploadPurpose.IMAGE, "new.png", 1000);
        assertEquals(1, ageing.expire(expiring.id()));
        assertThrows(NotFound.class, () -> uploads.status(owner, expiring.id()), "expired is gone for its owner at once");

        // Files with no row: one left long ago by a crash, one of an upload being begun right now.
        Path orphan = file("OOOOOOOOOOOOOOOOOOOOOO");
        Files.write(orphan, random(10, 5));
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path young = file("YYYYYYYYYYYYYYYYYYYYYY");
        Files.write(young, random(10, 6));

        assertTrue(uploads.removeExpired() >= 2);
        assertFalse(Files.exists(file(expiring.id())));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(young), "a file without its row yet may be an upload being begun");
        assertEquals(0, uploads.status(owner, fresh.id()).receivedBytes());
        assertTrue(Files.exists(file(fresh.id())));
        assertFalse(ageing.exists(expiring.id()), "the row went with the file");
        Files.delete(young);
    }

    @Test
    void twoChunksRacingForTheSameOffsetNeverInterleave() throws Exception {
        Upload u = uploads.begin(owner, UploadPurpose.CONTENT, "race.bin", 2 << 20);
        byte[] first = random(1 << 20, 7);
        byte[] second = random(1 << 20, 8);
        InputStream slow = new ByteArrayInputStream(first) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(b, off, Math.min(len, 16 * 1024));
            }
        };
        Future<Upload> winner = executor.submit(() -> uploads.append(owner, u.id(), 0, slow, first.length));
        while (!Files.exists(file(u.id())) || Files.size(file(u.id())) == 0) {
            Thread.sleep(5);
        }
        ExecutionException lost = assertThrows(ExecutionException.class,
                () -> executor.submit(() -> uploads.append(owner, u.id(), 0, new ByteArrayInputStream(second), second.length)).get());
        RuleViolation refusal = (RuleViolation) lost.getCause();
        assertEquals("upload.offset", refusal.messageKey(), "waited for the first, then found the offset moved");
        assertEquals(1L << 20, refusal.arguments()[0]);
        assertEquals(1 << 20, winner.get().receivedBytes());
        assertArrayEquals(first, Files.readAllBytes(file(u.id())));
    }

    /** A day passing for one upload. A JPQL update, so that the entity cache forgets the old time as well. */
    @ApplicationScoped
    @Transactional
    public static class Ageing {

        @PersistenceContext(unitName = "cascade")
        EntityManager em;

        public int expire(String id) {
            return em.createQuery("update Upload u set u.expiresAt = :past where u.id = :id")
                    .setParameter("past", Instant.now().minusSeconds(1)).setParameter("id", id).executeUpdate();
        }

        public boolean exists(String id) {
            return em.find(Upload.class, id) != null;
        }
    }
}
