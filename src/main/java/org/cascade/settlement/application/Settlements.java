package org.cascade.settlement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.domain.NotFound;
import org.cascade.settlement.domain.Acknowledgement;
import org.cascade.settlement.domain.AcknowledgementRefused;
import org.cascade.settlement.domain.PayeeType;
import org.cascade.settlement.domain.Payment;
import org.cascade.settlement.domain.PaymentStatus;
import org.cascade.settlement.domain.Period;
import org.cascade.settlement.domain.SettlementRepository;
import org.cascade.settlement.domain.SettlementRun;

/**
 * Settlement with the financial institution. A run closes one day: per holder and per store,
 * the net of every posting on its account that day (whatever its kind, settlement's own
 * clearing left out) is cleared onto the center's settlement clearing account, one ledger
 * transaction per payment under the payment's id, all in the run's one transaction — a run that
 * fails halfway posts nothing, and a day is settled once. The institution's acknowledgement then
 * moves a deposited payment on to the institution's clearing account, or takes a rejected one
 * back onto its payee's account, where it falls into the next run. A holder that keeps an address
 * is mailed each deposit.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class Settlements {

    /** Payments instructed and not acknowledged yet. */
    static final String IN_TRANSIT = "clearing:settlement";
    /** Payments the institution acknowledged as deposited. */
    static final String INSTITUTION = "clearing:institution";
    static final String PARTNER = "institution";
    /** An acknowledgement file's largest size, in characters (about 10,000 lines). */
    public static final int MAX_ACKNOWLEDGEMENT = 400_000;

    @Inject
    SettlementRepository runs;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    Event<SettlementRunClosed> closed;

    @Inject
    DepositMails depositMails;

    public record Outcome(SettlementRun run, boolean replay) {
    }

    /** Settles one closed day; a day settled before answers with its first run and changes nothing. */
    public Outcome settle(@NotNull LocalDate day) {
        Optional<SettlementRun> earlier = runs.byDay(day);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), true);
        }
        Period period = new Period(day, clock.getZone());
        List<SettlementRun.Net> nets = ledger.netsBetween(PayeeType.settledAccountTypes(), period.start(), period.end(),
                        TransactionKind.SETTLEMENT).stream()
                .map(n -> new SettlementRun.Net(PayeeType.of(n.type()).orElseThrow(), n.owner(), n.accountId(), n.net()))
                .toList();
        SettlementRun run = SettlementRun.close(period, nets, clock.instant());
        runs.add(run);
        long transit = ledger.open(AccountType.CLEARING, IN_TRANSIT).id();
        for (Payment p : run.payments()) {
            p.clearedBy(ledger.post("settlement:" + p.id(), TransactionKind.SETTLEMENT, PARTNER, null,
                    List.of(new Leg(p.accountId(), p.payeeLeg()), new Leg(transit, -p.payeeLeg()))).transaction().id());
        }
        closed.fire(new SettlementRunClosed(run.name(), run.payments().size()));
        return new Outcome(run, false);
    }

    /**
     * Settles every closed day that has postings and no run yet (the daily schedule, and the
     * operator's "run now"): harmless to repeat, so a restart or a double tick changes nothing.
     */
    public List<SettlementRun> settleClosedPeriods() {
        Instant closedUntil = Period.containing(clock.instant(), clock.getZone()).start();
        List<SettlementRun> made = new ArrayList<>();
        Instant cursor = Instant.EPOCH;
        Optional<Instant> next;
        while ((next = ledger.firstPostedBetween(PayeeType.settledAccountTypes(), cursor, closedUntil,
                TransactionKind.SETTLEMENT)).isPresent()) {
            Period period = Period.containing(next.get(), clock.getZone());
            Outcome o = settle(period.day());
            if (!o.replay()) {
                made.add(o.run());
            }
            cursor = period.end();
        }
        return made;
    }

    /** What one acknowledgement changed: payments marked deposited, and rejected (carried to the next run). */
    public record Acknowledged(int deposited, int rejected, int unchanged) {
    }

    /**
     * Takes the institution's acknowledgement. Every line is checked (format, checksum, known
     * payment, same amount, no contradiction of an earlier answer) before anything is written, so
     * a file at fault anywhere is refused whole, naming the line.
     */
    public Acknowledged acknowledge(@NotBlank @Size(max = MAX_ACKNOWLEDGEMENT) String text) {
        Acknowledgement ack = Acknowledgement.parse(text);
        List<Payment> changing = new ArrayList<>();
        List<PaymentStatus> answers = new ArrayList<>();
        int unchanged = 0;
        for (Acknowledgement.Line line : ack.lines()) {
            Payment p = runs.payment(line.paymentId())
                    .orElseThrow(() -> new AcknowledgementRefused(line.number(), "settlement.ack.unknownPayment", line.paymentId()));
            if (p.accepts(line.status(), line.amount(), line.number())) {
                changing.add(p);
                answers.add(line.status());
            } else {
                unchanged++;
            }
        }
        long transit = ledger.open(AccountType.CLEARING, IN_TRANSIT).id();
        long institution = ledger.open(AccountType.CLEARING, INSTITUTION).id();
        int deposited = 0;
        for (int i = 0; i < changing.size(); i++) {
            Payment p = changing.get(i);
            if (answers.get(i) == PaymentStatus.DEPOSITED) {
                ledger.post("deposit:" + p.id(), TransactionKind.SETTLEMENT_DEPOSIT, PARTNER, null,
                        List.of(new Leg(transit, p.payeeLeg()), new Leg(institution, -p.payeeLeg())));
                depositMails.deposited(p);
                deposited++;
            } else {
                ledger.reverse("rejected:" + p.id(), p.transactionId(), TransactionKind.SETTLEMENT_REJECTED, PARTNER);
            }
            p.acknowledge(answers.get(i), clock.instant());
        }
        return new Acknowledged(deposited, changing.size() - deposited, unchanged);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SettlementRun> recent() {
        return runs.recent(60);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SettlementRun run(long id) {
        return runs.find(id).orElseThrow(() -> new NotFound("settlement.run.unknown", id));
    }

    /** A holder's payments, newest first: what was deposited, what is on its way, what was rejected. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payment> paymentsToHolder(@NotBlank String holder) {
        return runs.paymentsTo("holder:" + holder, 50);
    }

    /** The last day that is closed now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate lastClosedDay() {
        return LocalDate.now(clock).minusDays(1);
    }
}
