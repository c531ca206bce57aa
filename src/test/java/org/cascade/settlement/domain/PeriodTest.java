package org.cascade.settlement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class PeriodTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void aDayOfTheCentersZoneClosesAtItsMidnight() {
        Period p = new Period(LocalDate.of(2031, 1, 10), TOKYO);
        assertEquals(Instant.parse("2031-01-09T15:00:00Z"), p.start());
        assertEquals(Instant.parse("2031-01-10T15:00:00Z"), p.end());
        assertFalse(p.closedAt(Instant.parse("2031-01-10T14:59:59.999Z")));
        assertTrue(p.closedAt(Instant.parse("2031-01-10T15:00:00Z")));
        assertEquals(p, Period.containing(Instant.parse("2031-01-10T14:59:59Z"), TOKYO));
        assertEquals(p.next(), Period.containing(Instant.parse("2031-01-10T15:00:00Z"), TOKYO));
        assertEquals("S20310110", p.runName());
    }

    @Test
    void anOpenPeriodIsRefusedAndAClosedOneGivesOnePaymentPerNonZeroNetInAFixedOrder() {
        Period p = new Period(LocalDate.of(2031, 1, 10), TOKYO);
        List<SettlementRun.Net> nets = List.of(
                new SettlementRun.Net(PayeeType.STORE, "store:7", 70, -9_000),
                new SettlementRun.Net(PayeeType.HOLDER, "holder:zen", 12, 0),
                new SettlementRun.Net(PayeeType.HOLDER, "holder:ann", 11, 1_530));
        RuleViolation open = assertThrows(RuleViolation.class, () -> SettlementRun.close(p, nets, p.end().minusSeconds(1)));
        assertEquals("settlement.period.open", open.messageKey());

        SettlementRun run = SettlementRun.close(p, nets, p.end().plusSeconds(7200));
        assertEquals(2, run.payments().size(), "a zero net is no payment");
        Payment holder = run.payments().get(0);
        assertEquals("S20310110-001", holder.id());
        assertEquals("holder:ann", holder.payee());
        assertEquals(Direction.PAY, holder.direction());
        assertEquals(1_530, holder.amount());
        assertEquals(-1_530, holder.payeeLeg(), "the payable is taken down by what is paid");
        Payment store = run.payments().get(1);
        assertEquals("S20310110-002", store.id());
        assertEquals(Direction.COLLECT, store.direction());
        assertEquals(9_000, store.amount());
        assertEquals(9_000, store.payeeLeg(), "the drawer is brought back up by what is collected");
        assertEquals(1_530, run.total(Direction.PAY));
        assertEquals(9_000, run.total(Direction.COLLECT));
        assertEquals(run.file(), SettlementRun.close(p, List.of(nets.get(2), nets.get(0)), p.end()).file(),
                "the same figures give the same file");
    }
}
