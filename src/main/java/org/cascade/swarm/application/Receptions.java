package org.cascade.swarm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascade.catalog.application.AddedInformation;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionRepository;
import org.cascade.swarm.domain.ReceptionTerms;

/**
 * Settling receptions (spec FIG. 11, charging data processing section 24): the pieces a receiver
 * verified and its distributor reported sent are charged to the receiver's prepaid balance and
 * shared between the distributor, the center and the holder, in one ledger transaction per
 * settlement. The transaction's idempotency key is the reception and the bytes it had settled
 * after it, so no report, however repeated, reordered or raced, charges a piece twice. Each
 * side's FIG. 12 records name the other: the receiver's the distributor ("content received"),
 * the distributor's the receiving media ("content sent"). A settlement that completes a
 * reception counts it in the content's figures.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class Receptions {

    @Inject
    ReceptionRepository receptions;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    @Inject
    AddedInformation contents;

    @Inject
    Clock clock;

    /**
     * Settles a report of one link. {@code distributor} is the sending terminal's media serial,
     * or null when the center sent the pieces itself (origin): then its share is the center's.
     * A receiver whose balance cannot pay is refused (nothing settled, nothing moved), and so is
     * a revoked media at either end ({@code media.refused.revoked}): a revoked receiver spends
     * nothing more of its owner's balance, and a revoked distributor earns nothing — its pieces
     * stay unsettled, so the receiver pays for them once, to whichever source settles them later.
     */
    public Reception.Settlement settle(@NotNull ReceptionTerms terms, @NotBlank String receiver, String distributor,
                                       @NotNull PieceSet received, @NotNull PieceSet sent) {
        media.usable(receiver);
        if (distributor != null) {
            media.usable(distributor);
        }
        Reception reception = receptions.find(receiver, terms.contentId()).orElseGet(() -> {
            Reception fresh = new Reception(UUID.randomUUID().toString(), receiver, terms, clock.instant());
            receptions.add(fresh);
            return fresh;
        });
        Reception.Settlement s = reception.settle(received, sent, terms, distributor);
        if (s.completed()) {
            contents.received(terms.contentId(), s.redistributed());
        }
        if (!s.settledAnything() || s.charge().none()) {
            return s;
        }
        long center = ledger.open(AccountType.CENTER_REVENUE, "center:receptions").id();
        long receiverAccount = media.find(receiver).accountId();
        long distributorAccount = distributor == null ? center : media.find(distributor).accountId();
        Map<Long, Long> amounts = new LinkedHashMap<>();
        amounts.merge(receiverAccount, -s.charge().debit(), Long::sum);
        amounts.merge(distributorAccount, s.charge().distributorReward(), Long::sum);
        amounts.merge(center, s.charge().centerFee(), Long::sum);
        amounts.merge(ledger.open(AccountType.HOLDER_PAYABLE, "holder:" + terms.holder()).id(), s.charge().holderRoyalty(), Long::sum);
        // The distributor's records name the media it sent to; the receiver's, the transaction's partner.
        List<Leg> legs = amounts.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Leg(e.getKey(), e.getValue(), distributor != null && e.getKey() == distributorAccount ? receiver : null))
                .toList();
        if (legs.isEmpty()) {
            return s;
        }
        ledger.post("reception:" + reception.id() + ":" + s.bytesAfter(), TransactionKind.RECEPTION,
                distributor == null ? Reception.ORIGIN : distributor, terms.contentId(), legs);
        return s;
    }
}
