package org.cascade.catalog.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.catalog.domain.Upload;
import org.cascade.catalog.domain.UploadStorage;

/**
 * Uploads on disk: {@code <data dir>/uploads/<id>.part}, readable by the server's user only.
 * A chunk goes from the request to the file through one fixed buffer, so a request of any size
 * costs {@value #BUFFER} bytes of heap; the file is opened for writing only if it already exists,
 * so a write never brings back the file of an upload that was removed meanwhile.
 */
@ApplicationScoped
public class UploadFiles implements UploadStorage {

    static final int BUFFER = 64 * 1024;
    private static final String SUFFIX = ".part";
    private static final Logger LOG = Logger.getLogger(UploadFiles.class.getName());

    /** Set in server.xml from the {@code cascade.data.dir} variable. */
    @Resource(lookup = "cascade/dataDir")
    String dataDir;

    @Override
    public void create(String id) {
        Path file = path(id);
        try {
            Files.createFile(file);
        } catch (NoSuchFileException e) {
            createDirectory();
            try {
                Files.createFile(file);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create " + file, again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    private void createDirectory() {
        Path directory = directory();
        try {
            // Made readable by the server's user only before any holder's bytes land in it
            // (where the file system has POSIX permissions; elsewhere its own rules apply).
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    @Override
    public Written write(String id, long offset, InputStream body, long limit) {
        Path file = path(id);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long onDisk = channel.size();
            if (onDisk < offset) {
                throw new IllegalStateException("the upload " + id + " has " + onDisk + " bytes on disk but " + offset + " recorded");
            }
            if (onDisk > offset) {
                channel.truncate(offset);
            }
            byte[] buffer = new byte[BUFFER];
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            long written = 0;
            Ending ending = Ending.END_OF_BODY;
            while (true) {
                int read;
                try {
                    // One byte more than allowed tells a body that ends at the limit from one that goes on.
                    read = body.read(buffer, 0, (int) Math.min(BUFFER, limit - written + 1));
                } catch (IOException e) {
                    ending = Ending.CUT_OFF;
                    break;
                }
                if (read < 0) {
                    break;
                }
                if (written + read > limit) {
                    channel.truncate(offset);
                    return new Written(0, Ending.PAST_LIMIT);
                }
                wrapped.clear().limit(read);
                long at = offset + written;
                while (wrapped.hasRemaining()) {
                    at += channel.write(wrapped, at);
                }
                written += read;
            }
            // On disk before the row says so: a crash never leaves a row counting bytes the file lacks.
            channel.force(false);
            return new Written(written, ending);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the file of the upload " + id + " is missing", e);
        } catch (IOException e) {
            truncate(id, offset);
            throw new UncheckedIOException("cannot write the upload " + id, e);
        }
    }

    @Override
    public void truncate(String id, long length) {
        try (FileChannel channel = FileChannel.open(path(id), StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                channel.truncate(length);
            }
        } catch (NoSuchFileException e) {
            // Removed meanwhile: nothing left to cut.
        } catch (IOException e) {
            // The next chunk cuts the file back to its recorded length before writing.
            LOG.log(Level.WARNING, "cannot cut the upload " + id + " back to " + length + " bytes", e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            // Left as an orphan; the next sweep removes it.
            LOG.log(Level.WARNING, "cannot delete the file of the upload " + id, e);
        }
    }

    @Override
    public Path path(String id) {
        if (id == null || !Upload.ID.matcher(id).matches()) {
            // Ids come from the database, but a file name is never built from anything unchecked.
            throw new IllegalArgumentException("not an upload id");
        }
        return directory().resolve(id + SUFFIX);
    }

    @Override
    public long length(String id) {
        try {
            return Files.size(path(id));
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> idsUntouchedSince(Instant before) {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(directory())) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (Upload.ID.matcher(id).matches() && untouchedSince(file, before)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory(), e);
        }
        return ids;
    }

    private static boolean untouchedSince(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory() {
        return Path.of(dataDir, "uploads");
    }
}
