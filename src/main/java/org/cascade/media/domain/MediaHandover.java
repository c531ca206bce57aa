package org.cascade.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/**
 * A media on its way from the counter to its buyer's browser: the file the clerk may download
 * and the short code the buyer may redeem instead. The sealed ROM (which holds the access key)
 * is kept only until the buyer's browser redeems the code; then it is erased and the center is
 * left with the access key's hash alone. A code works once, and not after it expires.
 */
@Entity
@Table(name = "MEDIA_HANDOVER")
@NamedQuery(name = "MediaHandover.findByCodeHash", query = "select h from MediaHandover h where h.codeHash = :hash")
@NamedQuery(name = "MediaHandover.findOpenBySerial",
        query = "select h from MediaHandover h where h.serial = :serial and h.redeemedAt is null order by h.id desc")
public class MediaHandover {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 16)
    private String serial;

    @Column(nullable = false, unique = true, length = 64)
    private String codeHash;

    @Lob
    private String sealedRom;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant redeemedAt;

    protected MediaHandover() {
    }

    public MediaHandover(String serial, String codeHash, String sealedRom, Instant createdAt, Instant expiresAt) {
        this.serial = serial;
        this.codeHash = codeHash;
        this.sealedRom = sealedRom;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean open(Instant now) {
        return redeemedAt == null && now.isBefore(expiresAt) && sealedRom != null;
    }

    /** The buyer's browser takes the media: the code is spent and the ROM erased from the center. */
    public String redeem(Instant now) {
        if (!open(now)) {
            throw new RuleViolation("media.code.invalid");
        }
        String rom = sealedRom;
        redeemedAt = now;
        sealedRom = null;
        return rom;
    }

    /** Read by the clerk's download while the hand-over is open. */
    public String sealedRom(Instant now) {
        if (!open(now)) {
            throw new RuleViolation("media.handover.closed", serial);
        }
        return sealedRom;
    }

    public Long id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
