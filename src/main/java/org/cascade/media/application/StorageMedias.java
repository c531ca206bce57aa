package org.cascade.media.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.application.PrepaidBalanceChanged;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.AccountingRecord;
import org.cascade.ledger.domain.HistoryRecord;
import org.cascade.ledger.domain.LedgerAccount;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.media.domain.MediaFile;
import org.cascade.media.domain.MediaHandover;
import org.cascade.media.domain.MediaRam;
import org.cascade.media.domain.MediaReading;
import org.cascade.media.domain.MediaRepository;
import org.cascade.media.domain.MediaRom;
import org.cascade.media.domain.MediaSeal;
import org.cascade.media.domain.RollbackAttempt;
import org.cascade.media.domain.StorageMedia;
import org.cascade.platform.application.Page;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.OneTimeSecret;
import org.cascade.platform.domain.RuleViolation;

/**
 * Storage media from their issue at a store to their revocation: issuing, handing over (file and
 * one-time code), the next RAM version after every posting, and the operator's revocation.
 * <p>
 * Whether a media may still be used is decided here, once: every use case that acts for a
 * signed-in terminal's media calls {@link #usable} inside its own transaction, and every posting
 * on a media's account goes through {@link StorageMedia#posted}, which refuses a revoked media's
 * spending. A use case that read the media before a revocation committed changes its row (the
 * posting's new version) and so fails against the revocation's newer row and starts over: the
 * revocation that commits first wins.
 */
@ApplicationScoped
@Transactional
public class StorageMedias {

    public static final Pattern SERIAL = Pattern.compile("CM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    /** How long a buyer has to redeem a hand-over code. */
    public static final Duration HANDOVER_VALIDITY = Duration.ofDays(7);
    private static final int RECORDS_ON_MEDIA = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MediaRepository media;

    @Inject
    MediaSeal seal;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    Event<MediaRevoked> revoked;

    /** A media just made at a store, with its ROM sealed; nothing is handed over yet. */
    public record NewMedia(StorageMedia media, String sealedRom) {
    }

    /** A media ready to leave the counter: its file and the one-time code that fetches the same file. */
    public record Handover(String serial, long handoverId, String code, MediaFile file) {
    }

    /** Makes a media at a store, with its prepaid account opened at zero. */
    public NewMedia issue(long storeId, @NotBlank String storeName, @NotNull @Size(min = 6, max = 200) char[] password) {
        String serial = "CM-" + OneTimeSecret.generate(2);
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String accessKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        LedgerAccount account = ledger.open(AccountType.PREPAID, "media:" + serial);
        StorageMedia m = new StorageMedia(serial, storeId, clock.instant(), accessKey, password, account.id());
        media.add(m);
        MediaRom rom = new MediaRom(serial, seal.issuer(), storeId, storeName, m.issuedAt(), StorageMedia.PROGRAM_VERSION, accessKey);
        return new NewMedia(m, seal.sealRom(rom));
    }

    /**
     * Hands a new media over at the counter: the current version counts as delivered, and a
     * one-time code is made for the buyer's browser.
     */
    public Handover handOver(@NotNull NewMedia issued) {
        StorageMedia m = find(issued.media().serial());
        String code = OneTimeSecret.generate(3);
        MediaHandover h = new MediaHandover(m.serial(), codeHash(code), issued.sealedRom(), clock.instant(),
                clock.instant().plus(HANDOVER_VALIDITY));
        media.add(h);
        return new Handover(m.serial(), h.id(), code, new MediaFile(m.serial(), issued.sealedRom(), deliverRam(m)));
    }

    /** The media file again, for the clerk's download while the buyer has not redeemed the code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediaFile handoverFile(long handoverId, long storeId) {
        MediaHandover h = media.handover(handoverId).orElseThrow(() -> new NotFound("media.handover.unknown"));
        StorageMedia m = find(h.serial());
        if (m.storeId() != storeId) {
            throw new NotFound("media.handover.unknown");
        }
        // A file the clerk may or may not hand over: it does not move the rollback baseline.
        return new MediaFile(m.serial(), h.sealedRom(clock.instant()), sealRam(m, m.version()));
    }

    /** The buyer's browser redeems the code for the media file; the code is spent. */
    public MediaFile redeem(@NotBlank @Size(max = 64) String typedCode) {
        String normalized = OneTimeSecret.normalize(typedCode);
        if (normalized == null || normalized.length() != 12) {
            throw new RuleViolation("media.code.malformed");
        }
        MediaHandover h = media.handoverByCodeHash(codeHashOfNormalized(normalized))
                .orElseThrow(() -> new RuleViolation("media.code.invalid"));
        String rom = h.redeem(clock.instant());
        StorageMedia m = find(h.serial());
        return new MediaFile(m.serial(), rom, deliverRam(m));
    }

    /**
     * The current RAM part for the media's own terminal, which now holds that version. Refused
     * for a revoked media: its terminal gets no new version to spend from.
     */
    public String currentRam(@NotBlank String serial) {
        return deliverRam(usable(serial));
    }

    /**
     * The media, when it may still be used at a terminal; refused ({@code media.refused.revoked})
     * when the operator revoked it, re-issued or not. Called by every use case that acts for a
     * signed-in terminal's media, inside that use case's transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StorageMedia usable(@NotBlank String serial) {
        return find(serial).requireUsable();
    }

    /** Whether the media may still be used (see {@link #usable}); false for an unknown serial. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isUsable(String serial) {
        return serial != null && media.find(serial).map(StorageMedia::usable).orElse(false);
    }

    /**
     * The ledger account that holds a media's balance now: its own, or, once its balance was
     * re-issued, that of the media it was re-issued onto (followed as far as it goes). Money
     * owed to a revoked media's owner goes there, so that it is neither lost on an account no
     * re-issue will carry again nor counted twice.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long accountHoldingBalanceOf(@NotBlank String serial) {
        StorageMedia m = find(serial);
        for (int hops = 0; m.reissuedAs() != null && hops < 100; hops++) {
            m = find(m.reissuedAs());
        }
        return m.accountId();
    }

    /**
     * The current RAM part, sealed, for a message that may not reach the terminal (a frame to a
     * page that is closing, an answer whose connection drops): it does not count as delivered, so
     * the copy the terminal already has stays valid until the terminal takes this one
     * ({@link #currentRam}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String sealedRam(@NotBlank String serial) {
        StorageMedia m = find(serial);
        return sealRam(m, m.version());
    }

    private String deliverRam(StorageMedia m) {
        return sealRam(m, m.deliver());
    }

    private String sealRam(StorageMedia m, long version) {
        LedgerAccount account = ledger.account(m.accountId());
        List<MediaRam.Line> lines = ledger.accountingRecords(m.accountId(), 0, RECORDS_ON_MEDIA).items().stream()
                .map(r -> new MediaRam.Line(r.eventId(), r.occurredAt(), r.reason().name(), r.amount(), r.balance(), r.partner()))
                .toList();
        return seal.sealRam(new MediaRam(m.serial(), seal.issuer(), version, account.balance(), clock.instant(), lines));
    }

    /**
     * Every posting on a media's account moves its RAM area to the next version, in the same
     * transaction; a revoked media refuses what it may no longer take ({@link StorageMedia#posted}),
     * which rolls the posting back whichever use case made it.
     */
    void onBalanceChanged(@Observes PrepaidBalanceChanged changed) {
        media.findByAccount(changed.accountId())
                .ifPresent(m -> m.posted(changed.amount(), changed.kind() == TransactionKind.MEDIA_REISSUE));
    }

    /**
     * Finds a media from what a clerk has at hand: its serial, the text of its file, or a
     * hand-over code not yet redeemed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StorageMedia locate(@NotBlank @Size(max = MediaFile.MAX_LENGTH) String serialFileOrCode) {
        String given = serialFileOrCode.strip();
        Optional<MediaFile> file = MediaFile.parse(given);
        if (file.isPresent()) {
            MediaReading<MediaRom> rom = seal.readRom(file.get().rom());
            if (rom.refused()) {
                throw new RuleViolation(rom.refusal().messageKey());
            }
            return find(rom.content().serial());
        }
        String upper = given.toUpperCase(java.util.Locale.ROOT);
        if (SERIAL.matcher(upper).matches()) {
            return find(upper);
        }
        String normalized = OneTimeSecret.normalize(given);
        if (normalized != null && normalized.length() == 12) {
            return media.handoverByCodeHash(codeHashOfNormalized(normalized))
                    .filter(h -> h.open(clock.instant()))
                    .map(h -> find(h.serial()))
                    .orElseThrow(() -> new NotFound("media.code.invalid"));
        }
        throw new RuleViolation("media.serial.malformed");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StorageMedia find(String serial) {
        return media.find(serial).orElseThrow(() -> new NotFound("media.unknown", serial));
    }

    /**
     * Revokes a lost or stolen media: from the commit on it is refused at every use, and its open
     * sessions and channels end ({@link MediaRevoked}).
     */
    public void revoke(@NotBlank String serial, @NotBlank @Size(max = 200) String reason) {
        find(serial).revoke(reason, clock.instant());
        revoked.fire(new MediaRevoked(serial));
    }

    /** The balance of a revoked media has been carried onto a new one (once). */
    public void markReissued(@NotBlank String revokedSerial, @NotBlank String newSerial) {
        find(revokedSerial).reissuedOnto(newSerial);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StorageMedia> search(@NotNull @Size(max = 16) String serialPrefix) {
        return media.search(serialPrefix.toUpperCase(java.util.Locale.ROOT), 50);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RollbackAttempt> recentRollbackAttempts() {
        return media.recentRollbackAttempts(50);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long balance(String serial) {
        return ledger.account(find(serial).accountId()).balance();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountingRecord> accountingRecords(String serial, @Min(0) int page, @Min(1) @Max(100) int size) {
        return ledger.accountingRecords(find(serial).accountId(), page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryRecord> history(String serial, @Min(0) int page, @Min(1) @Max(100) int size) {
        return ledger.history(find(serial).accountId(), page, size);
    }

    static String codeHash(String code) {
        return codeHashOfNormalized(OneTimeSecret.normalize(code));
    }

    private static String codeHashOfNormalized(String normalized) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
