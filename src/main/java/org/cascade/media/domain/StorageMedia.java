package org.cascade.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.cascade.platform.domain.PasswordHash;
import org.cascade.platform.domain.RuleViolation;

/**
 * A storage media as the center knows it: who issued it, the hash of its access key and of its
 * password, the version of its RAM area, and whether it is still valid.
 * <p>
 * The version rule: every posting on the media's account makes a new version. The center
 * remembers the newest version it has handed to the terminal; a terminal presenting a copy
 * older than that is rolling the media back, and is refused. A copy that is merely behind
 * postings the terminal has not picked up yet (a store replenished it meanwhile) is the newest
 * the terminal was given, and is accepted — the terminal then receives the current version.
 */
@Entity
// Found by its account after every posting: an index keeps concurrent sales from scanning (and deadlocking on) the table.
@Table(name = "STORAGE_MEDIA", indexes = @Index(name = "STORAGE_MEDIA_ACCOUNT", columnList = "ACCOUNTID", unique = true))
@NamedQuery(name = "StorageMedia.findByAccount", query = "select m from StorageMedia m where m.accountId = :account")
@NamedQuery(name = "StorageMedia.search",
        query = "select m from StorageMedia m where m.serial like :serial order by m.issuedAt desc")
public class StorageMedia {

    public static final int PROGRAM_VERSION = 1;

    @Id
    @Column(length = 16)
    private String serial;

    @Column(nullable = false)
    private long storeId;

    @Column(nullable = false)
    private Instant issuedAt;

    private int programVersion;

    @Column(nullable = false, length = 64)
    private String accessKeyHash;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private Long accountId;

    /** The version of the RAM area the ledger is at. */
    private long version;

    /** The newest version handed to the terminal; anything older presented later is a rollback. */
    private long deliveredVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private MediaStatus status;

    private Instant revokedAt;

    @Column(length = 200)
    private String revocationReason;

    /** The media this one's balance was re-issued onto, once revoked. */
    @Column(length = 16)
    private String reissuedAs;

    @Version
    private long revision;

    protected StorageMedia() {
    }

    public StorageMedia(String serial, long storeId, Instant issuedAt, String accessKey, char[] password, Long accountId) {
        if (password == null || password.length < 6 || password.length > 200) {
            throw new RuleViolation("media.password.weak", 6);
        }
        this.serial = serial;
        this.storeId = storeId;
        this.issuedAt = issuedAt;
        this.programVersion = PROGRAM_VERSION;
        this.accessKeyHash = hashOf(accessKey);
        this.passwordHash = PasswordHash.hash(password);
        this.accountId = accountId;
        this.status = MediaStatus.ACTIVE;
    }

    /** A posting on the account: the RAM area moves to its next version. */
    public void advance() {
        version++;
    }

    /**
     * A posting of {@code amount} on the account (negative: money leaves it), which moves the RAM
     * area to its next version. A revoked media spends nothing any more: the only money that
     * leaves it is its balance carried onto its re-issue ({@code reissue}). Until that re-issue a
     * credit may still reach it (money owed to its owner, which the re-issue then carries); once
     * re-issued, nothing reaches it, since nothing would ever carry it further.
     */
    public void posted(long amount, boolean reissue) {
        if (status == MediaStatus.REVOKED && ((amount < 0 && !reissue) || (amount > 0 && reissuedAs != null))) {
            throw new RuleViolation(MediaRefusal.REVOKED.messageKey());
        }
        advance();
    }

    /**
     * Whether the media may still be used at a terminal: spend, receive, distribute, refresh its
     * RAM part, apply for live events. A revoked media (lost or stolen, re-issued or not) may not.
     */
    public boolean usable() {
        return status == MediaStatus.ACTIVE;
    }

    /** Refuses any use of a media that is not {@link #usable()}, with the message the person at the terminal reads. */
    public StorageMedia requireUsable() {
        if (!usable()) {
            throw new RuleViolation(MediaRefusal.REVOKED.messageKey());
        }
        return this;
    }

    /**
     * Checks a presented copy (ROM already verified as sealed by this center) and the password,
     * in the order a person can act on: revoked first, then an old copy, then the password.
     */
    public MediaRefusal admit(MediaRom rom, MediaRam ram, char[] password) {
        if (!MessageDigest.isEqual(accessKeyHash.getBytes(StandardCharsets.US_ASCII),
                hashOf(rom.accessKey()).getBytes(StandardCharsets.US_ASCII))) {
            return MediaRefusal.ALTERED;
        }
        if (!ram.serial().equals(serial) || ram.version() > version) {
            return MediaRefusal.ALTERED;
        }
        if (status == MediaStatus.REVOKED) {
            return MediaRefusal.REVOKED;
        }
        if (ram.version() < deliveredVersion) {
            return MediaRefusal.ROLLED_BACK;
        }
        if (!PasswordHash.matches(password, passwordHash)) {
            return MediaRefusal.WRONG_PASSWORD;
        }
        return null;
    }

    /** The current version is now in the terminal's hands. */
    public long deliver() {
        deliveredVersion = version;
        return version;
    }

    public void revoke(String reason, Instant now) {
        if (status == MediaStatus.REVOKED) {
            throw new RuleViolation("media.revoked.already", serial);
        }
        status = MediaStatus.REVOKED;
        revokedAt = now;
        revocationReason = reason;
    }

    /** Marks the balance of this revoked media as carried onto another; only once. */
    public void reissuedOnto(String newSerial) {
        if (status != MediaStatus.REVOKED) {
            throw new RuleViolation("media.reissue.notRevoked", serial);
        }
        if (reissuedAs != null) {
            throw new RuleViolation("media.reissue.done", serial, reissuedAs);
        }
        reissuedAs = newSerial;
    }

    public static String hashOf(String accessKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(accessKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String serial() {
        return serial;
    }

    public long storeId() {
        return storeId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Long accountId() {
        return accountId;
    }

    public long version() {
        return version;
    }

    public long deliveredVersion() {
        return deliveredVersion;
    }

    public MediaStatus status() {
        return status;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revocationReason() {
        return revocationReason;
    }

    public String reissuedAs() {
        return reissuedAs;
    }
}
