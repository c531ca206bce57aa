package org.cascade.catalog.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.cascade.catalog.domain.Upload;
import org.cascade.catalog.domain.UploadPurpose;
import org.cascade.catalog.domain.UploadRepository;
import org.cascade.catalog.domain.UploadStorage.Ending;
import org.cascade.catalog.domain.UploadStorage.Written;
import org.cascade.catalog.domain.UploadStorage;
import org.cascade.platform.application.AfterCompletion;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;

/**
 * A holder's uploads: begun with the file's size, fed chunk by chunk from wherever the last chunk
 * ended, asked where they stand, cancelled; and, for the registration of a content, the completed
 * file and its release. Another holder's upload is "not found", never "not yours".
 * <p>
 * A row and its file live and die together. A chunk streams to disk <em>outside</em> any
 * transaction (it may take minutes on a slow line, and must not hold a database connection or
 * outlive the transaction timeout), then a short transaction of its own counts it; if that fails
 * the file is cut back, so the row never counts bytes the file lacks and the file keeps no bytes
 * the row does not count. Files are created before their row commits and deleted after it is
 * gone; whatever a crash leaves between the two, {@link #removeExpired()} sweeps.
 * <p>
 * So the use cases that touch files run their transactions themselves and are called outside
 * any: they are not {@code @Transactional}, which would open one around the stream (and, on
 * Liberty, report every refusal thrown through a non-REQUIRED interceptor as an FFDC incident).
 * Only {@link #release} joins its caller's transaction.
 */
@ApplicationScoped
public class Uploads {

    /** The chunk size the API recommends to clients. */
    public static final int RECOMMENDED_CHUNK = 8 * 1024 * 1024;
    /** The largest chunk one request may carry. */
    public static final int MAX_CHUNK = 16 * 1024 * 1024;
    /** How long a chunk waits for another chunk of the same upload still being received. */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(5);
    /** A file this old without a row is an orphan, not an upload being begun right now. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final String ID = "[A-Za-z0-9_-]{22}";
    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    @Inject
    UploadRepository uploads;

    @Inject
    UploadStorage storage;

    @Inject
    Clock clock;

    /** The largest content, in bytes: server.xml's {@code cascade.upload.max.bytes}. */
    @Resource(lookup = "cascade/uploadMaxBytes")
    String uploadMaxBytes;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final WriterClaims claims = new WriterClaims();

    /** Opens an upload of {@code size} bytes; refused when its purpose does not allow that size. */
    public Upload begin(@NotBlank @Size(max = 32) String owner, @NotNull UploadPurpose purpose,
                        @NotNull @Size(max = 1000) String fileName, long size) {
        Upload upload = Upload.begin(owner, purpose, fileName, size, contentCap(), clock.instant());
        storage.create(upload.id());
        try {
            inTransaction(() -> {
                uploads.add(upload);
                return upload;
            });
        } catch (RuntimeException e) {
            storage.delete(upload.id());
            throw e;
        }
        return upload;
    }

    /**
     * Appends the chunk {@code body} at {@code offset}; returns the upload as it stands after it.
     * {@code contentLength} is the length the request announced, or -1 when it did not.
     * A chunk cut off midway keeps what arrived and is refused ("upload.interrupted", with the
     * new offset); the client asks for the offset and goes on from there.
     */
    public Upload append(@NotBlank String owner, @NotNull @Pattern(regexp = ID) String id, @Min(0) long offset,
                         @NotNull InputStream body, long contentLength) {
        if (contentLength > MAX_CHUNK) {
            throw new RuleViolation("upload.chunk", MAX_CHUNK);
        }
        try (WriterClaims.Claim claim = claims.take(id, CLAIM_WAIT).orElseThrow(() -> new RuleViolation("upload.busy"))) {
            Upload before = mine(owner, id);
            before.requireAcceptable(offset, Math.max(contentLength, 0));
            if (contentLength == 0) {
                return before;
            }
            long limit = contentLength > 0 ? contentLength : Math.min(MAX_CHUNK, before.remaining());
            Written written = storage.write(id, offset, body, limit);
            if (written.ending() == Ending.PAST_LIMIT) {
                throw limit < before.remaining() && contentLength < 0
                        ? new RuleViolation("upload.chunk", MAX_CHUNK)
                        : new RuleViolation("upload.tooLong", before.remaining());
            }
            Upload after;
            try {
                after = inTransaction(() -> {
                    Upload upload = mine(owner, id);
                    upload.accept(offset, written.bytes());
                    if (upload.remaining() == 0) {
                        upload.complete(clock.instant());
                    }
                    return upload;
                });
            } catch (RuntimeException e) {
                storage.truncate(id, offset);
                throw e;
            }
            if (written.ending() == Ending.CUT_OFF) {
                throw new RuleViolation("upload.interrupted", after.receivedBytes());
            }
            return after;
        }
    }

    /** Where the upload stands: how many bytes arrived, whether it is complete. */
    public Upload status(@NotBlank String owner, @NotNull @Pattern(regexp = ID) String id) {
        return mine(owner, id);
    }

    /** Removes the upload and its file, waiting briefly for a chunk still being received. Expired ones too. */
    public void cancel(@NotBlank String owner, @NotNull @Pattern(regexp = ID) String id) {
        try (WriterClaims.Claim claim = claims.take(id, CLAIM_WAIT).orElseThrow(() -> new RuleViolation("upload.busy"))) {
            inTransaction(() -> {
                uploads.remove(owned(owner, id));
                return null;
            });
            storage.delete(id);
        }
    }

    /**
     * The file of a complete upload of the owner's, for the registration of a content, which may
     * read it or move it away and then {@link #release} the upload. Refused when incomplete
     * ("upload.incomplete"); another owner's upload, or one of another purpose, is not found.
     */
    public Path completedFile(@NotBlank String owner, @NotNull @Pattern(regexp = ID) String id, @NotNull UploadPurpose purpose) {
        Upload upload = mine(owner, id);
        if (upload.purpose() != purpose) {
            throw new NotFound("upload.unknown");
        }
        if (!upload.isComplete()) {
            throw new RuleViolation("upload.incomplete", upload.receivedBytes(), upload.declaredBytes());
        }
        long onDisk = storage.length(id);
        if (onDisk != upload.declaredBytes()) {
            throw new IllegalStateException("the upload " + id + " is complete with " + upload.declaredBytes()
                    + " bytes but its file has " + onDisk);
        }
        return storage.path(id);
    }

    /**
     * Ends the upload within the caller's transaction: the row goes with it, and once it commits
     * the file goes too, unless the caller moved it away. A caller that moved the file and then
     * rolls back must put it back, for the row stays.
     */
    @Transactional
    public void release(@NotBlank String owner, @NotNull @Pattern(regexp = ID) String id) {
        uploads.remove(owned(owner, id));
        transactions.registerInterposedSynchronization(AfterCompletion.ifCommitted(() -> storage.delete(id)));
    }

    /**
     * Removes the uploads that expired, with their files, and the files left without an upload;
     * an upload still receiving a chunk is left for the next time. Returns how many went.
     */
    public int removeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (String id : uploads.expiredIds(now)) {
            Optional<WriterClaims.Claim> claim = claims.take(id, Duration.ZERO);
            if (claim.isEmpty()) {
                continue;
            }
            try (WriterClaims.Claim held = claim.get()) {
                boolean gone = inTransaction(() -> uploads.find(id).filter(u -> u.isExpired(now)).map(u -> {
                    uploads.remove(u);
                    return true;
                }).orElse(false));
                if (gone) {
                    storage.delete(id);
                    removed++;
                }
            }
        }
        for (String id : storage.idsUntouchedSince(now.minus(ORPHAN_AGE))) {
            if (uploads.find(id).isEmpty()) {
                storage.delete(id);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed " + removed + " expired or orphaned uploads");
        }
        return removed;
    }

    private Upload mine(String owner, String id) {
        Upload upload = owned(owner, id);
        if (upload.isExpired(clock.instant())) {
            throw new NotFound("upload.unknown");
        }
        return upload;
    }

    private Upload owned(String owner, String id) {
        return uploads.find(id).filter(u -> u.belongsTo(owner)).orElseThrow(() -> new NotFound("upload.unknown"));
    }

    private long contentCap() {
        try {
            long cap = Long.parseLong(uploadMaxBytes.strip());
            if (cap > 0) {
                return cap;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // Reported below.
        }
        throw new IllegalStateException("cascade.upload.max.bytes must be a positive number of bytes, not " + uploadMaxBytes);
    }

    /** Runs {@code work} in a transaction of its own, committed on return, rolled back if it throws. */
    private <T> T inTransaction(Supplier<T> work) {
        try {
            transaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("cannot begin a transaction", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
        try {
            transaction.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new IllegalStateException("the upload's record could not be saved", e);
        }
        return result;
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (SystemException | IllegalStateException e) {
            LOG.warning("rollback failed: " + e);
        }
    }
}
