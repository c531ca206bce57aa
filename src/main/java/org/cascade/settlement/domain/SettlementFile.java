package org.cascade.settlement.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The settlement file for the financial institution (documented in docs/settlement.md): CSV in
 * UTF-8, lines ending in LF, a run line, a header, one line per payment and a last line
 * {@code sha256,<hex>} holding the SHA-256 of every byte before it.
 */
public final class SettlementFile {

    public static final String RUN_HEADER = "run,period_start,period_end,payments";
    public static final String PAYMENT_HEADER = "payment_id,payee_type,payee,direction,amount";
    public static final String CHECKSUM_PREFIX = "sha256,";

    private SettlementFile() {
    }

    static String write(SettlementRun run) {
        StringBuilder body = new StringBuilder();
        body.append(RUN_HEADER).append('\n');
        body.append(run.name()).append(',').append(run.periodStart()).append(',').append(run.periodEnd()).append(',')
                .append(run.payments().size()).append('\n');
        body.append(PAYMENT_HEADER).append('\n');
        for (Payment p : run.payments()) {
            body.append(p.id()).append(',').append(p.payeeType()).append(',').append(p.payee()).append(',')
                    .append(p.direction()).append(',').append(p.amount()).append('\n');
        }
        return sealed(body.toString());
    }

    /** The text followed by its checksum line. */
    public static String sealed(String body) {
        return body + CHECKSUM_PREFIX + checksum(body) + "\n";
    }

    /** SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
