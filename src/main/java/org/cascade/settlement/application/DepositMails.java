package org.cascade.settlement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cascade.mail.application.MailTexts;
import org.cascade.mail.application.Mails;
import org.cascade.mail.domain.MailContent;
import org.cascade.mail.domain.MailContent.Paragraph;
import org.cascade.settlement.domain.Direction;
import org.cascade.settlement.domain.PayeeType;
import org.cascade.settlement.domain.Payment;

/**
 * The mail a contents holder gets when the financial institution confirms a deposit of its
 * earnings, recorded in the acknowledgement's transaction under the payment's id: an
 * acknowledgement applied again records none twice. Holders without an address get none.
 */
@ApplicationScoped
class DepositMails {

    private static final String HOLDER = "holder:";

    @Inject
    Mails mails;

    @Inject
    Clock clock;

    void deposited(Payment p) {
        if (p.payeeType() != PayeeType.HOLDER || p.direction() != Direction.PAY || !p.payee().startsWith(HOLDER) || !mails.on()) {
            return;
        }
        mails.recipient(p.payee().substring(HOLDER.length())).ifPresent(to ->
                mails.enqueue("settlement-deposited:" + p.id(), to.address(), to.language(),
                        content(new MailTexts(to.language(), clock.getZone()), p.amount(), p.run().day(), p.id(),
                                mails.publicUrl() + "/holder")));
    }

    /** What the mail says: the amount, the day it was earned, the payment's reference and the holder's page. */
    static MailContent content(MailTexts t, long amount, LocalDate earned, String payment, String page) {
        return new MailContent(t.text("settlement.mail.deposited.subject", t.yen(amount)), List.of(
                Paragraph.of(t.text("settlement.mail.deposited.body", t.yen(amount), earned.toString(), payment)),
                new Paragraph(t.text("settlement.mail.deposited.page"), page),
                Paragraph.of(t.text("settlement.mail.signature"))));
    }
}
