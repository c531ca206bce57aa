package org.cascade.settlement.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;

/**
 * The settlement of one closed period: one payment per payee whose account moved in it, and the
 * file for the financial institution. A period is settled once (its day is unique in the
 * database); what it cleared never changes afterwards, only the payments' acknowledgements.
 */
@Entity
@Table(name = "SETTLEMENT_RUN")
@NamedQuery(name = "SettlementRun.findByDay", query = "select r from SettlementRun r where r.day = :day")
@NamedQuery(name = "SettlementRun.findRecent", query = "select r from SettlementRun r order by r.day desc")
public class SettlementRun {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String name;

    @Column(name = "PERIOD_DAY", nullable = false, unique = true)
    private LocalDate day;

    @Column(nullable = false)
    private Instant periodStart;

    @Column(nullable = false)
    private Instant periodEnd;

    @Column(nullable = false)
    private Instant ranAt;

    @OneToMany(mappedBy = "run", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Payment> payments = new ArrayList<>();

    @Lob
    @Column(nullable = false)
    private String file;

    protected SettlementRun() {
    }

    /** What one account moved in the period, in the ledger's sign (positive: the center owes the payee). */
    public record Net(PayeeType payeeType, String payee, long accountId, long net) {
    }

    /**
     * Closes a period: refused while it is still open. Accounts that moved to zero in all get no
     * payment; the others are numbered in a fixed order (payee type, then payee), so the same
     * figures always give the same file.
     */
    public static SettlementRun close(Period period, List<Net> nets, Instant now) {
        if (!period.closedAt(now)) {
            throw new RuleViolation("settlement.period.open", period.day());
        }
        SettlementRun run = new SettlementRun();
        run.name = period.runName();
        run.day = period.day();
        run.periodStart = period.start();
        run.periodEnd = period.end();
        run.ranAt = now;
        List<Net> sorted = nets.stream().filter(n -> n.net() != 0)
                .sorted(Comparator.comparing(Net::payeeType).thenComparing(Net::payee)).toList();
        int sequence = 1;
        for (Net n : sorted) {
            run.payments.add(new Payment(run, sequence++, n.payeeType(), n.payee(), n.accountId(), n.net()));
        }
        run.file = SettlementFile.write(run);
        return run;
    }

    public Period period(ZoneId zone) {
        return new Period(day, zone);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate day() {
        return day;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public List<Payment> payments() {
        return Collections.unmodifiableList(payments);
    }

    public String file() {
        return file;
    }

    public String fileName() {
        return "cascade-settlement-" + name + ".csv";
    }

    public long total(Direction direction) {
        return payments.stream().filter(p -> p.direction() == direction).mapToLong(Payment::amount).sum();
    }

    public long count(PaymentStatus status) {
        return payments.stream().filter(p -> p.status() == status).count();
    }

    /** What the run pays out (royalties), for the pages, which cannot name an enum constant. */
    public long paidOut() {
        return total(Direction.PAY);
    }

    /** What the run collects (stores' takings). */
    public long collected() {
        return total(Direction.COLLECT);
    }

    public long awaitingAcknowledgement() {
        return count(PaymentStatus.INSTRUCTED);
    }
}
