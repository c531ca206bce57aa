package org.cascade.store.application;

import org.cascade.platform.application.RequestKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.application.Posted;
import org.cascade.ledger.domain.LedgerRepository;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaFile;
import org.cascade.media.domain.MediaStatus;
import org.cascade.media.domain.StorageMedia;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.domain.StaffAccount;
import org.cascade.store.domain.CounterOperation;
import org.cascade.store.domain.CounterReceipt;
import org.cascade.store.domain.DailyReport;
import org.cascade.store.domain.Store;
import org.cascade.store.domain.StoreRepository;

/**
 * The store counter (FIG. 1's store terminal 5): a clerk sells media, replenishes them, voids a
 * mistaken replenishment and re-issues a revoked media's balance; the day closes with a report.
 * Each operation is one ledger transaction under a key made from the form's request key, so a
 * double submit posts once and shows the first result again.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class StoreCounter {

    /** The most one counter operation may move, in yen. */
    public static final long MAX_AMOUNT = 1_000_000;

    @Inject
    StoreRepository stores;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    @Inject
    StaffAccounts staff;

    @Inject
    Clock clock;

    /** A receipt, and for a new media the code to give its buyer (absent when only replayed). */
    public record Done(CounterReceipt receipt, StorageMedias.Handover handover, boolean replay) {
    }

    public Done sell(@NotBlank String clerk,
                     @Min(1) @Max(MAX_AMOUNT) long amount,
                     @NotNull @Size(min = 6, max = 200) char[] password,
                     @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
        Store store = storeOf(clerk);
        String key = "sale:" + store.id() + ":" + requestKey;
        var earlier = replayed(key);
        if (earlier != null) {
            return earlier;
        }
        StorageMedias.NewMedia issued = media.issue(store.id(), store.name(), password);
        Posted posted = ledger.post(key, TransactionKind.MEDIA_SALE, store.ledgerName(), null, List.of(
                new Leg(issued.media().accountId(), amount), new Leg(store.cashAccountId(), -amount)));
        StorageMedias.Handover handover = media.handOver(issued);
        CounterReceipt receipt = new CounterReceipt(store.id(), clerk, CounterOperation.SALE, issued.media().serial(), amount,
                posted.transaction().id(), clock.instant()).handedOverAs(handover.handoverId());
        stores.add(receipt);
        return new Done(receipt, handover, false);
    }

    public Done replenish(@NotBlank String clerk,
                          @NotBlank @Size(max = MediaFile.MAX_LENGTH) String serialFileOrCode,
                          @Min(1) @Max(MAX_AMOUNT) long amount,
                          @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
        Store store = storeOf(clerk);
        String key = "replenish:" + store.id() + ":" + requestKey;
        var earlier = replayed(key);
        if (earlier != null) {
            return earlier;
        }
        StorageMedia m = media.locate(serialFileOrCode);
        if (m.status() != MediaStatus.ACTIVE) {
            throw new RuleViolation("store.media.revoked", m.serial());
        }
        Posted posted = ledger.post(key, TransactionKind.REPLENISHMENT, store.ledgerName(), null, List.of(
                new Leg(m.accountId(), amount), new Leg(store.cashAccountId(), -amount)));
        CounterReceipt receipt = new CounterReceipt(store.id(), clerk, CounterOperation.REPLENISHMENT, m.serial(), amount,
                posted.transaction().id(), clock.instant());
        stores.add(receipt);
        return new Done(receipt, null, false);
    }

    /**
     * Takes back a mistaken replenishment of this store with a compensating transaction. Refused
     * once the media has spent part of it (its balance would go negative) or if already voided.
     */
    public Done voidReplenishment(@NotBlank String clerk, long receiptId) {
        Store store = storeOf(clerk);
        CounterReceipt original = stores.receipt(receiptId)
                .filter(r -> r.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("store.receipt.unknown", receiptId));
        if (original.operation() != CounterOperation.REPLENISHMENT) {
            throw new RuleViolation("store.void.notReplenishment");
        }
        String key = "void:" + original.transactionId();
        var earlier = replayed(key);
        if (earlier != null) {
            return earlier;
        }
        if (ledger.isReversed(original.transactionId())) {
            throw new RuleViolation("store.void.already", receiptId);
        }
        Posted posted = ledger.reverse(key, original.transactionId(), TransactionKind.REPLENISHMENT_VOID, store.ledgerName());
        CounterReceipt receipt = new CounterReceipt(store.id(), clerk, CounterOperation.VOID, original.serial(), original.amount(),
                posted.transaction().id(), clock.instant()).voiding(original.id());
        stores.add(receipt);
        return new Done(receipt, null, false);
    }

    /** Carries the balance of a revoked (lost) media onto a new one sold to the same person. */
    public Done reissue(@NotBlank String clerk,
                        @NotBlank @Size(max = 16) String revokedSerial,
                        @NotNull @Size(min = 6, max = 200) char[] password,
                        @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
        Store store = storeOf(clerk);
        String key = "reissue:" + store.id() + ":" + requestKey;
        var earlier = replayed(key);
        if (earlier != null) {
            return earlier;
        }
        StorageMedia old = media.find(revokedSerial.strip().toUpperCase(java.util.Locale.ROOT));
        long balance = ledger.account(old.accountId()).balance();
        if (balance <= 0) {
            throw new RuleViolation("store.reissue.empty", old.serial());
        }
        StorageMedias.NewMedia issued = media.issue(store.id(), store.name(), password);
        media.markReissued(old.serial(), issued.media().serial());
        Posted posted = ledger.post(key, TransactionKind.MEDIA_REISSUE, store.ledgerName(), null, List.of(
                new Leg(old.accountId(), -balance), new Leg(issued.media().accountId(), balance)));
        StorageMedias.Handover handover = media.handOver(issued);
        CounterReceipt receipt = new CounterReceipt(store.id(), clerk, CounterOperation.REISSUE, issued.media().serial(), balance,
                posted.transaction().id(), clock.instant()).carriedFrom(old.serial()).handedOverAs(handover.handoverId());
        stores.add(receipt);
        return new Done(receipt, handover, false);
    }

    private Done replayed(String key) {
        return ledger.transactionByKey(key)
                .flatMap(t -> stores.receiptOfTransaction(t.id()))
                .map(r -> new Done(r, null, true))
                .orElse(null);
    }

    /** The media file of a sale or re-issue, for download while the buyer has not redeemed its code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MediaFile handoverFile(@NotBlank String clerk, long receiptId) {
        Store store = storeOf(clerk);
        CounterReceipt r = receipt(clerk, receiptId);
        if (r.handoverId() == null) {
            throw new NotFound("store.receipt.unknown", receiptId);
        }
        return media.handoverFile(r.handoverId(), store.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CounterReceipt receipt(@NotBlank String clerk, long receiptId) {
        Store store = storeOf(clerk);
        return stores.receipt(receiptId).filter(r -> r.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("store.receipt.unknown", receiptId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CounterReceipt> recentReceipts(@NotBlank String clerk) {
        return stores.recentReceipts(storeOf(clerk).id(), 20);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isVoided(CounterReceipt receipt) {
        return receipt.operation() == CounterOperation.REPLENISHMENT && ledger.isReversed(receipt.transactionId());
    }

    /**
     * A store's day, for one of its clerks or the operator; any other clerk is refused. The day
     * is the center's calendar day.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DailyReport dailyReport(@NotBlank String viewer, long storeId, @NotNull LocalDate day) {
        StaffAccount account = staff.find(viewer).orElseThrow(Forbidden::new);
        if (account.role() == Role.CLERK && !account.storeId().equals(storeId)) {
            throw new Forbidden();
        }
        if (account.role() != Role.CLERK && account.role() != Role.OPERATOR) {
            throw new Forbidden();
        }
        Store store = stores.find(storeId).orElseThrow(() -> new NotFound("store.unknown", storeId));
        ZoneId zone = clock.getZone();
        var from = day.atStartOfDay(zone).toInstant();
        var to = day.plusDays(1).atStartOfDay(zone).toInstant();
        // The drawer's remittances to the center (settlement) are not counter operations.
        long ledgerCash = -ledger.totalsByKind(store.cashAccountId(), from, to).stream()
                .filter(t -> !t.kind().clearing()).mapToLong(LedgerRepository.KindTotal::sum).sum();
        return new DailyReport(store, day, stores.receipts(storeId, from, to), ledgerCash);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Store storeOf(@NotBlank String clerk) {
        StaffAccount account = staff.find(clerk).orElseThrow(Forbidden::new);
        if (account.role() != Role.CLERK) {
            throw new Forbidden();
        }
        return stores.find(account.storeId()).orElseThrow(Forbidden::new);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
