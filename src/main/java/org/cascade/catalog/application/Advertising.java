package org.cascade.catalog.application;

import org.cascade.platform.application.RequestKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cascade.catalog.domain.Advertisement;
import org.cascade.catalog.domain.AdvertisementKind;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.LedgerAccount;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;

/**
 * Advertising: a holder's funds (paid in through the operator) buy a preferential list position
 * or a banner for a period. Each payment is one ledger transaction under the form's request key.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class Advertising {

    public static final long MAX_TOPUP = 10_000_000;

    @Inject
    ContentRepository contents;

    @Inject
    Ledger ledger;

    @Inject
    StaffAccounts staff;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<AdvertisingChanged> changed;

    /** The operator records money a holder paid in. */
    public long topUp(@NotBlank String holder, @Min(1) @Max(MAX_TOPUP) long amount,
                      @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
        if (staff.find(holder).filter(a -> a.role() == Role.HOLDER).isEmpty()) {
            throw new NotFound("holder.unknown", holder);
        }
        LedgerAccount funds = ledger.open(AccountType.HOLDER_FUNDS, "holder:" + holder);
        LedgerAccount clearing = ledger.open(AccountType.CLEARING, "clearing:holder-payments");
        ledger.post("topup:" + requestKey, TransactionKind.HOLDER_TOPUP, "center", null,
                List.of(new Leg(funds.id(), amount), new Leg(clearing.id(), -amount)));
        return ledger.account(funds.id()).balance();
    }

    /** The holder buys advertising for one of their listed contents, starting on a day (today or later). */
    public Advertisement buy(@NotBlank String holder, @NotBlank String contentId, @NotNull AdvertisementKind kind,
                             @NotNull LocalDate startDay, @Min(1) @Max(Advertisement.MAX_DAYS) int days,
                             @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
        String key = "ad:" + holder + ":" + requestKey;
        var earlier = ledger.transactionByKey(key);
        if (earlier.isPresent()) {
            Long tx = earlier.get().id();
            return contents.advertisementsOf(holder).stream().filter(a -> tx.equals(a.transactionId())).findFirst().orElseThrow();
        }
        Content content = contents.find(contentId).filter(c -> c.holder().equals(holder))
                .orElseThrow(() -> new NotFound("content.unknown", contentId));
        LocalDate today = LocalDate.now(clock);
        if (startDay.isBefore(today) || startDay.isAfter(today.plusDays(365))) {
            throw new RuleViolation("ad.start.range");
        }
        Instant starts = startDay.equals(today) ? clock.instant() : startDay.atStartOfDay(clock.getZone()).toInstant();
        Advertisement ad = new Advertisement(content, kind, starts, days);
        LedgerAccount funds = ledger.open(AccountType.HOLDER_FUNDS, "holder:" + holder);
        LedgerAccount revenue = ledger.open(AccountType.ADVERTISING, "center:advertising");
        var posted = ledger.post(key, TransactionKind.ADVERTISING_FEE, "holder:" + holder, content.id(),
                List.of(new Leg(funds.id(), -ad.fee()), new Leg(revenue.id(), ad.fee())));
        ad.paidBy(posted.transaction().id());
        contents.add(ad);
        changed.fire(new AdvertisingChanged(content.id()));
        return ad;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long funds(@NotBlank String holder) {
        return ledger.open(AccountType.HOLDER_FUNDS, "holder:" + holder).balance();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Advertisement> of(@NotBlank String holder) {
        return contents.advertisementsOf(holder);
    }
}
