package org.cascade.settlement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void aMediaWhoseRecordsAgreeHasNoDifferenceAndATamperedRecordOrBalanceIsFound() {
        List<Reconciliation.Posting> sound = List.of(
                new Reconciliation.Posting(1, false, 5_000, 5_000, 5_000L, 5_000L),
                new Reconciliation.Posting(2, true, -1_200, 3_800, -1_200L, 3_800L),
                new Reconciliation.Posting(3, true, 700, 4_500, 700L, 4_500L));
        assertEquals(List.of(), Reconciliation.media("media:CM-1", sound));

        List<Reconciliation.Posting> record = List.of(sound.get(0), sound.get(1),
                new Reconciliation.Posting(3, true, 700, 4_500, 700L, 9_999L));
        assertEquals(List.of(new Difference(Difference.Check.MEDIA_RECORD, "media:CM-1", 4_500, 9_999, List.of(3L))),
                Reconciliation.media("media:CM-1", record));

        List<Reconciliation.Posting> balance = List.of(sound.get(0), sound.get(1),
                new Reconciliation.Posting(3, true, 700, 4_600, 700L, 4_600L));
        assertEquals(List.of(new Difference(Difference.Check.MEDIA_BALANCE, "media:CM-1", 4_500, 4_600, List.of(2L, 3L))),
                Reconciliation.media("media:CM-1", balance));

        // A record outside the period is not this period's difference.
        assertEquals(List.of(), Reconciliation.media("media:CM-1",
                List.of(new Reconciliation.Posting(1, false, 5_000, 5_000, null, null))));
    }

    @Test
    void aTransferMustCreditWhatItCharged() {
        assertEquals(List.of(), Reconciliation.transfer("CT-1", 9, List.of(-1_200L, 180L, 120L, 900L)));
        assertEquals(List.of(new Difference(Difference.Check.TRANSFER_CHARGE, "CT-1", 1_200, 1_100, List.of(9L))),
                Reconciliation.transfer("CT-1", 9, List.of(-1_200L, 180L, 20L, 900L)));
    }

    @Test
    void aStoreDrawerMustMatchItsReceiptsOneForOne() {
        Map<Long, Long> drawer = new LinkedHashMap<>();
        drawer.put(10L, -3_000L);
        drawer.put(11L, -500L);
        drawer.put(12L, 500L);
        List<Reconciliation.Receipt> receipts = List.of(new Reconciliation.Receipt(1, 10, 3_000),
                new Reconciliation.Receipt(2, 11, 500), new Reconciliation.Receipt(3, 12, -500));
        assertEquals(List.of(), Reconciliation.store("store:7", drawer, receipts));

        drawer.put(13L, -800L);
        assertEquals(List.of(
                        new Difference(Difference.Check.STORE_CASH, "store:7", 500, 0, List.of(11L)),
                        new Difference(Difference.Check.STORE_CASH, "store:7", 0, 800, List.of(13L))),
                Reconciliation.store("store:7", Map.of(10L, -3_000L, 12L, 500L, 13L, -800L), receipts).stream()
                        .sorted(java.util.Comparator.comparing(d -> d.transactions().get(0))).toList(),
                "a receipt whose posting is missing, and a posting the counter never recorded");
    }
}
