package org.cascade.settlement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcknowledgementTest {

    static final String GOOD = Acknowledgement.write(List.of(
            new Acknowledgement.Line(2, "S20310110-001", PaymentStatus.DEPOSITED, 1530),
            new Acknowledgement.Line(3, "S20310110-002", PaymentStatus.REJECTED, 9000)));

    private static AcknowledgementRefused refused(String text) {
        return assertThrows(AcknowledgementRefused.class, () -> Acknowledgement.parse(text));
    }

    /** Replaces one line and seals the file again, so only that line is at fault. */
    private static String resealedWith(int lineIndex, String line) {
        List<String> lines = new java.util.ArrayList<>(List.of(GOOD.split("\n")));
        lines.remove(lines.size() - 1);
        lines.set(lineIndex, line);
        return SettlementFile.sealed(String.join("\n", lines) + "\n");
    }

    @Test
    void aSealedFileIsReadLineByLineAndCrlfIsReadAsLf() {
        Acknowledgement ack = Acknowledgement.parse(GOOD);
        assertEquals(List.of(new Acknowledgement.Line(2, "S20310110-001", PaymentStatus.DEPOSITED, 1530),
                new Acknowledgement.Line(3, "S20310110-002", PaymentStatus.REJECTED, 9000)), ack.lines());
        assertEquals(ack, Acknowledgement.parse(GOOD.replace("\n", "\r\n")));
    }

    @Test
    void aTamperedOrMalformedFileIsRefusedWholeNamingTheLineAtFault() {
        AcknowledgementRefused tampered = refused(GOOD.replace(",9000", ",900"));
        assertEquals("settlement.ack.checksum", tampered.messageKey());
        assertEquals(4, tampered.line());

        assertEquals(1, refused("payment,status\n").line());
        assertEquals("settlement.ack.header", refused("payment,status\n").messageKey());
        assertEquals(4, refused(GOOD.substring(0, GOOD.indexOf("sha256,"))).line(), "no checksum line");
        assertEquals("settlement.ack.checksumMissing", refused(GOOD.substring(0, GOOD.indexOf("sha256,"))).messageKey());
        assertEquals(5, refused(GOOD + "S20310110-003,DEPOSITED,1\n").line(), "nothing after the checksum");

        AcknowledgementRefused status = refused(resealedWith(2, "S20310110-002,PAID,9000"));
        assertEquals("settlement.ack.status", status.messageKey());
        assertEquals(3, status.line());
        assertEquals("settlement.ack.amount", refused(resealedWith(1, "S20310110-001,DEPOSITED,-5")).messageKey());
        assertEquals("settlement.ack.amount", refused(resealedWith(1, "S20310110-001,DEPOSITED,15.30")).messageKey());
        assertEquals("settlement.ack.fields", refused(resealedWith(1, "S20310110-001,DEPOSITED")).messageKey());
        assertEquals("settlement.ack.paymentId", refused(resealedWith(1, "x' OR 1=1,DEPOSITED,1")).messageKey());
        AcknowledgementRefused twice = refused(resealedWith(2, "S20310110-001,REJECTED,1530"));
        assertEquals("settlement.ack.duplicate", twice.messageKey());
        assertEquals(3, twice.line());
        assertEquals("settlement.ack.empty", refused(SettlementFile.sealed(Acknowledgement.HEADER + "\n")).messageKey());
        assertEquals("settlement.ack.empty", refused("  ").messageKey());
    }

    @Test
    void aPaymentAcceptsItsOwnAmountOnceAndRefusesAContradiction() {
        Period p = new Period(java.time.LocalDate.of(2031, 1, 10), java.time.ZoneId.of("UTC"));
        Payment payment = SettlementRun.close(p, List.of(new SettlementRun.Net(PayeeType.HOLDER, "holder:ann", 11, 1_530)), p.end())
                .payments().get(0);
        AcknowledgementRefused mismatch = assertThrows(AcknowledgementRefused.class,
                () -> payment.accepts(PaymentStatus.DEPOSITED, 1_500, 7));
        assertEquals("settlement.ack.amountMismatch", mismatch.messageKey());
        assertEquals(7, mismatch.line());
        assertEquals(true, payment.accepts(PaymentStatus.DEPOSITED, 1_530, 2));
        payment.acknowledge(PaymentStatus.DEPOSITED, p.end());
        assertEquals(false, payment.accepts(PaymentStatus.DEPOSITED, 1_530, 2), "the same answer again changes nothing");
        assertEquals("settlement.ack.contradicts",
                assertThrows(AcknowledgementRefused.class, () -> payment.accepts(PaymentStatus.REJECTED, 1_530, 2)).messageKey());
    }
}
