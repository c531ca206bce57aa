package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class RelayReportTest {

    @Test
    void onlySegmentsBothEndsReportedCount() {
        RelayReport r = new RelayReport("LV-AAAA-BBBB", "LA-1", "LA-2");
        r.sent(List.of(0L, 1L, 2L, 3L, 9L));
        r.received(List.of(1L, 2L, 3L, 4L));
        assertEquals(3, r.matched(), "1, 2 and 3: 0 and 9 were only claimed sent, 4 only claimed received");
        assertEquals(3, r.mismatched());
    }

    @Test
    void aSegmentReportedTwiceCountsOnceAndReportsAddUp() {
        RelayReport r = new RelayReport("LV-AAAA-BBBB", "LA-1", "LA-2");
        r.sent(List.of(0L, 1L));
        r.sent(List.of(1L, 2L));
        r.received(List.of(2L, 2L, 0L));
        r.received(List.of(1L));
        assertEquals(3, r.matched());
        assertEquals(0, r.mismatched());
    }

    @Test
    void aSegmentOutOfRangeIsRefusedAndNothingIsKept() {
        RelayReport r = new RelayReport("LV-AAAA-BBBB", "LA-1", "LA-2");
        r.sent(List.of(5L));
        assertThrows(RuleViolation.class, () -> r.sent(List.of(6L, (long) RelayReport.MAX_SEGMENTS)));
        r.received(List.of(5L, 6L));
        assertEquals(1, r.matched());
    }

    @Test
    void aTerminalDoesNotRelayToItself() {
        assertThrows(IllegalArgumentException.class, () -> new RelayReport("LV-AAAA-BBBB", "LA-1", "LA-1"));
    }
}
