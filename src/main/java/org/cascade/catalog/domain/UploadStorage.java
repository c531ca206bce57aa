package org.cascade.catalog.domain;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the bytes of uploads are kept, one file per upload, apart from their {@link Upload} rows.
 * A file exists only while its row does: the use cases create it before the row is committed and
 * delete it after the row is gone, and a file without a row is an orphan to remove.
 */
public interface UploadStorage {

    /** Creates the empty file of a new upload. */
    void create(String id);

    /**
     * Writes the body at {@code offset}, cutting off any bytes past {@code offset} left by an attempt
     * that was never recorded. Reads at most {@code limit} bytes: a body that goes on is refused
     * whole ({@link Ending#PAST_LIMIT}, the file back at {@code offset}). A body that breaks off
     * keeps the bytes that arrived ({@link Ending#CUT_OFF}). What is written is on disk on return.
     */
    Written write(String id, long offset, InputStream body, long limit);

    /** Cuts the file back to {@code length} bytes (a chunk whose recording failed); a missing file is left missing. */
    void truncate(String id, long length);

    /** Deletes the file, if it is still there (it may have been moved away). */
    void delete(String id);

    /** Where the bytes of the upload are. */
    Path path(String id);

    /** The length of the file on disk, or -1 when it is missing. */
    long length(String id);

    /** The ids of the files not modified since {@code before}: candidates for orphans. */
    List<String> idsUntouchedSince(Instant before);

    /** What one chunk wrote. */
    record Written(long bytes, Ending ending) {
    }

    enum Ending {
        /** The body ended within the limit; every byte was written. */
        END_OF_BODY,
        /** The body went past the limit; nothing of it was kept. */
        PAST_LIMIT,
        /** The body broke off (the connection dropped); the bytes that arrived were kept. */
        CUT_OFF
    }
}
