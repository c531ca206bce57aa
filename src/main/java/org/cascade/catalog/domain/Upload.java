package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cascade.platform.domain.RuleViolation;

/**
 * A file a contents holder is sending to the center, a chunk at a time, so that a dropped
 * connection costs one chunk, not the file. The upload knows how many bytes it was promised and
 * how many arrived, and takes a chunk only where the last one ended and only within the promised
 * size; it is complete when every promised byte arrived. It lives a day, complete or not: the
 * registration of a content takes the file within that time or the center removes it.
 * <p>
 * Its id is random and unguessable; it is also the name of the file that holds the bytes.
 * Column names avoid Derby's reserved words (SIZE, OFFSET, USER...).
 */
@Entity
@Table(name = "UPLOAD", indexes = @Index(name = "UPLOAD_EXPIRES", columnList = "EXPIRES_AT"))
@NamedQuery(name = "Upload.findIdsByExpiresAtBefore",
        query = "select u.id from Upload u where u.expiresAt < :now order by u.expiresAt")
public class Upload {

    /** 16 random bytes in base64url: 128 bits nobody guesses, safe as a file name. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    public static final int MAX_FILE_NAME = 200;
    public static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_EXTENSION = 16;
    private static final String UNSAFE_IN_NAMES = ":*?\"<>|";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "ID", length = 22)
    private String id;

    @Column(name = "OWNER_NAME", nullable = false, length = 32)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "PURPOSE", nullable = false, length = 12)
    private UploadPurpose purpose;

    @Column(name = "FILE_NAME", nullable = false, length = MAX_FILE_NAME)
    private String fileName;

    @Column(name = "DECLARED_BYTES", nullable = false)
    private long declaredBytes;

    @Column(name = "RECEIVED_BYTES", nullable = false)
    private long receivedBytes;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "COMPLETED_AT")
    private Instant completedAt;

    @Version
    @Column(name = "REVISION")
    private long revision;

    protected Upload() {
    }

    /**
     * Opens an upload of {@code size} bytes. Refused ("upload.size") when empty or larger than
     * its purpose allows, given the center's cap on contents.
     */
    public static Upload begin(String owner, UploadPurpose purpose, String fileName, long size, long contentCap, Instant now) {
        if (owner == null || owner.isBlank() || purpose == null || now == null) {
            throw new IllegalArgumentException("an upload needs an owner, a purpose and a time");
        }
        long max = purpose.maxBytes(contentCap);
        if (size <= 0 || size > max) {
            throw new RuleViolation("upload.size", max, readable(max));
        }
        Upload u = new Upload();
        u.id = newId();
        u.owner = owner;
        u.purpose = purpose;
        u.fileName = sanitiseFileName(fileName);
        u.declaredBytes = size;
        u.createdAt = now;
        u.expiresAt = now.plus(LIFETIME);
        return u;
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Refuses a chunk that does not start where the received bytes end ("upload.offset", with the
     * offset expected) or that would go past the declared size ("upload.tooLong", with the bytes
     * still expected). Nothing changes.
     */
    public void requireAcceptable(long offset, long length) {
        if (offset != receivedBytes) {
            throw new RuleViolation("upload.offset", receivedBytes);
        }
        if (length < 0 || length > remaining()) {
            throw new RuleViolation("upload.tooLong", remaining());
        }
    }

    /** Counts a chunk of {@code length} bytes written at {@code offset}, if acceptable. */
    public void accept(long offset, long length) {
        requireAcceptable(offset, length);
        receivedBytes += length;
    }

    /** Marks the upload complete; refused ("upload.incomplete") until every declared byte arrived. */
    public void complete(Instant now) {
        if (receivedBytes != declaredBytes) {
            throw new RuleViolation("upload.incomplete", receivedBytes, declaredBytes);
        }
        if (completedAt == null) {
            completedAt = now;
        }
    }

    public boolean isComplete() {
        return completedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean belongsTo(String username) {
        return owner.equals(username);
    }

    public long remaining() {
        return declaredBytes - receivedBytes;
    }

    /**
     * The name as the owner's browser gave it, made harmless: the last path element only, no
     * control or invisible formatting characters (a right-to-left override can disguise
     * "gpj.exe" as "exe.jpg"), no characters file systems refuse, no leading dots, at most
     * {@value #MAX_FILE_NAME} characters with the extension kept. Refused ("upload.fileName")
     * when nothing is left.
     */
    public static String sanitiseFileName(String given) {
        if (given == null) {
            throw new RuleViolation("upload.fileName", MAX_FILE_NAME);
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                sb.append(' ');
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                return;
            } else if (UNSAFE_IN_NAMES.indexOf(c) >= 0) {
                sb.append('_');
            } else {
                sb.appendCodePoint(c);
            }
        });
        String clean = sb.toString().replaceAll(" {2,}", " ").replaceFirst("^[. ]+", "").replaceFirst("[. ]+$", "");
        if (clean.isEmpty()) {
            throw new RuleViolation("upload.fileName", MAX_FILE_NAME);
        }
        return shorten(clean);
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String head = name.substring(0, MAX_FILE_NAME - extension.length());
        if (Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head.strip() + extension;
    }

    /** A size as people read it, rounded down ("4 GiB", "2 MiB", "1.5 KiB", "900 B"): the same in every language. */
    public static String readable(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i]) {
                long tenths = bytes * 10 / sizes[i];
                String number = tenths % 10 == 0 ? Long.toString(tenths / 10)
                        : String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10);
                return number + " " + units[i];
            }
        }
        return bytes + " B";
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public UploadPurpose purpose() {
        return purpose;
    }

    public String fileName() {
        return fileName;
    }

    public long declaredBytes() {
        return declaredBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
