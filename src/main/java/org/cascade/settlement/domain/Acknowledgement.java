package org.cascade.settlement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The financial institution's acknowledgement of a settlement file (documented in
 * docs/settlement.md): the header {@code payment_id,status,amount}, one line per payment
 * (DEPOSITED or REJECTED) and the checksum line {@code sha256,<hex>} of every byte before it,
 * lines ending in LF (a CRLF is read as LF first, as a browser's form sends it). A file that is
 * malformed anywhere is refused whole, naming the first line at fault.
 */
public record Acknowledgement(List<Line> lines) {

    public static final String HEADER = "payment_id,status,amount";
    public static final int MAX_LINES = 10_000;
    private static final Pattern PAYMENT_ID = Pattern.compile("S[0-9]{8}-[0-9]{3,6}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,15}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** One answer, with its line number in the file (the header is line 1). */
    public record Line(int number, String paymentId, PaymentStatus status, long amount) {
    }

    public static Acknowledgement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AcknowledgementRefused(1, "settlement.ack.empty");
        }
        String normal = text.replace("\r\n", "\n");
        if (!normal.endsWith("\n")) {
            normal += "\n";
        }
        String[] raw = normal.split("\n", -1);
        // split leaves one empty string after the final LF
        int count = raw.length - 1;
        if (count > MAX_LINES + 2) {
            throw new AcknowledgementRefused(MAX_LINES + 3, "settlement.ack.tooLong", MAX_LINES);
        }
        if (!raw[0].equals(HEADER)) {
            throw new AcknowledgementRefused(1, "settlement.ack.header", HEADER);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder body = new StringBuilder(raw[0]).append('\n');
        for (int i = 1; i < count; i++) {
            int number = i + 1;
            String line = raw[i];
            if (line.startsWith(SettlementFile.CHECKSUM_PREFIX)) {
                String hex = line.substring(SettlementFile.CHECKSUM_PREFIX.length());
                if (!HEX.matcher(hex).matches() || !hex.equals(SettlementFile.checksum(body.toString()))) {
                    throw new AcknowledgementRefused(number, "settlement.ack.checksum");
                }
                if (i != count - 1) {
                    throw new AcknowledgementRefused(number + 1, "settlement.ack.afterChecksum");
                }
                if (lines.isEmpty()) {
                    throw new AcknowledgementRefused(number, "settlement.ack.empty");
                }
                return new Acknowledgement(List.copyOf(lines));
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new AcknowledgementRefused(number, "settlement.ack.fields", fields.length);
            }
            if (!PAYMENT_ID.matcher(fields[0]).matches()) {
                throw new AcknowledgementRefused(number, "settlement.ack.paymentId", fields[0]);
            }
            PaymentStatus status;
            if (fields[1].equals(PaymentStatus.DEPOSITED.name())) {
                status = PaymentStatus.DEPOSITED;
            } else if (fields[1].equals(PaymentStatus.REJECTED.name())) {
                status = PaymentStatus.REJECTED;
            } else {
                throw new AcknowledgementRefused(number, "settlement.ack.status", fields[1]);
            }
            if (!AMOUNT.matcher(fields[2]).matches()) {
                throw new AcknowledgementRefused(number, "settlement.ack.amount", fields[2]);
            }
            if (!seen.add(fields[0])) {
                throw new AcknowledgementRefused(number, "settlement.ack.duplicate", fields[0]);
            }
            lines.add(new Line(number, fields[0], status, Long.parseLong(fields[2])));
            body.append(line).append('\n');
        }
        throw new AcknowledgementRefused(count + 1, "settlement.ack.checksumMissing");
    }

    /** An acknowledgement of these answers, sealed with its checksum (what an institution would send). */
    public static String write(List<Line> answers) {
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        for (Line l : answers) {
            body.append(l.paymentId()).append(',').append(l.status()).append(',').append(l.amount()).append('\n');
        }
        return SettlementFile.sealed(body.toString());
    }
}
