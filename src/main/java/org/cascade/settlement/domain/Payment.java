package org.cascade.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/**
 * One line of a settlement file: what a run cleared from one payee's account, the ledger
 * transaction that cleared it, and what the financial institution said of it.
 */
@Entity
@Table(name = "SETTLEMENT_PAYMENT")
@NamedQuery(name = "Payment.findByPayee",
        query = "select p from Payment p where p.payee = :payee order by p.id desc")
public class Payment {

    @Id
    @Column(length = 24)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "RUN_ID")
    private SettlementRun run;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PayeeType payeeType;

    /** The payee in the ledger's words: "holder:alice", "store:12". */
    @Column(nullable = false, length = 64)
    private String payee;

    @Column(nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Direction direction;

    /** Always positive; the direction says which way. */
    private long amount;

    /** The SETTLEMENT transaction that cleared the payee's account. */
    private Long transactionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PaymentStatus status;

    private Instant acknowledgedAt;

    protected Payment() {
    }

    /**
     * A payment for an account's net over the period, in the ledger's sign (positive: the center
     * owes the payee): paid when positive, collected when negative. A zero net is no payment.
     */
    Payment(SettlementRun run, int sequence, PayeeType payeeType, String payee, long accountId, long net) {
        if (net == 0) {
            throw new IllegalArgumentException("no payment of zero yen");
        }
        this.id = run.name() + "-" + String.format("%03d", sequence);
        this.run = run;
        this.payeeType = payeeType;
        this.payee = payee;
        this.accountId = accountId;
        this.direction = net > 0 ? Direction.PAY : Direction.COLLECT;
        this.amount = Math.abs(net);
        this.status = PaymentStatus.INSTRUCTED;
    }

    public void clearedBy(long transactionId) {
        this.transactionId = transactionId;
    }

    /** What the clearing posting moves on the payee's account: the net, taken off. */
    public long payeeLeg() {
        return direction == Direction.PAY ? -amount : amount;
    }

    /**
     * Whether the institution's answer changes anything. The same answer again changes nothing;
     * a different amount, or an answer that contradicts an earlier one, is refused.
     */
    public boolean accepts(PaymentStatus answer, long answeredAmount, int line) {
        if (answer == PaymentStatus.INSTRUCTED) {
            throw new AcknowledgementRefused(line, "settlement.ack.status", answer);
        }
        if (answeredAmount != amount) {
            throw new AcknowledgementRefused(line, "settlement.ack.amountMismatch", id, amount, answeredAmount);
        }
        if (status == answer) {
            return false;
        }
        if (status != PaymentStatus.INSTRUCTED) {
            throw new AcknowledgementRefused(line, "settlement.ack.contradicts", id, status);
        }
        return true;
    }

    public void acknowledge(PaymentStatus answer, Instant at) {
        if (status != PaymentStatus.INSTRUCTED || answer == PaymentStatus.INSTRUCTED) {
            throw new IllegalStateException("payment " + id + " is " + status + " already");
        }
        this.status = answer;
        this.acknowledgedAt = at;
    }

    public String id() {
        return id;
    }

    public SettlementRun run() {
        return run;
    }

    public PayeeType payeeType() {
        return payeeType;
    }

    public String payee() {
        return payee;
    }

    public Long accountId() {
        return accountId;
    }

    public Direction direction() {
        return direction;
    }

    public long amount() {
        return amount;
    }

    public Long transactionId() {
        return transactionId;
    }

    public PaymentStatus status() {
        return status;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}
