package org.cascade.settlement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementFileTest {

    @Test
    void theFileListsEachPaymentAndEndsWithTheSha256OfEveryByteBeforeIt() {
        Period p = new Period(LocalDate.of(2031, 1, 10), ZoneId.of("UTC"));
        SettlementRun run = SettlementRun.close(p, List.of(
                new SettlementRun.Net(PayeeType.HOLDER, "holder:ann", 11, 1_530),
                new SettlementRun.Net(PayeeType.STORE, "store:7", 70, -9_000)), p.end());
        String[] lines = run.file().split("\n");
        assertEquals(List.of(
                "run,period_start,period_end,payments",
                "S20310110,2031-01-10T00:00:00Z,2031-01-11T00:00:00Z,2",
                "payment_id,payee_type,payee,direction,amount",
                "S20310110-001,HOLDER,holder:ann,PAY,1530",
                "S20310110-002,STORE,store:7,COLLECT,9000"), List.of(lines).subList(0, 5));
        String body = run.file().substring(0, run.file().lastIndexOf("sha256,"));
        // The SHA-256 of the body, computed apart from the product's code (sha256sum of the same bytes).
        assertEquals("sha256," + SettlementFile.checksum(body), lines[5]);
        assertTrue(run.file().endsWith("\n"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SettlementFile.checksum(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SettlementFile.checksum("abc"));
    }
}
