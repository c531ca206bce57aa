package org.cascade.live.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedsTest {

    private static Feeds.Viewer v(String id, int order) {
        return new Feeds.Viewer(id, order, "", true);
    }

    @Test
    void thePrimaryOrderIsFedByTheCenter() {
        assertEquals(Optional.empty(), Feeds.feederOf(v("P1", 1), null, List.of(v("P2", 1)), Map.of(), 2));
    }

    @Test
    void aLaterViewerIsFedByItsDestinationWhileItIsOnlineWithRoom() {
        List<Feeds.Viewer> online = List.of(v("P1", 1), v("P2", 1));
        assertEquals(Optional.of("P2"), Feeds.feederOf(v("S1", 2), "P2", online, Map.of("P1", 0, "P2", 1), 2));
    }

    @Test
    void whenItsDestinationLeftAnotherTerminalOfTheOrderAboveWithRoomAndTheSamePatternTakesItTheLeastLoadedFirst() {
        List<Feeds.Viewer> online = List.of(v("P1", 1), v("P3", 1), new Feeds.Viewer("PX", 1, "camera 2", true),
                new Feeds.Viewer("PN", 1, "", false), v("P4", 1));
        Map<String, Integer> load = Map.of("P1", 2, "P3", 1, "P4", 1);
        assertEquals(Optional.of("P3"), Feeds.feederOf(v("S1", 2), "P2", online, load, 2),
                "P1 is full, PX watches another pattern, PN does not redistribute; P3 and P4 tie, the lower id wins");
    }

    @Test
    void theNearestOrderAboveComesFirstThenHigherOnesThenTheCenter() {
        Feeds.Viewer tertiary = v("T1", 3);
        assertEquals(Optional.of("S2"), Feeds.feederOf(tertiary, "S1", List.of(v("P1", 1), v("S2", 2)), Map.of(), 2));
        assertEquals(Optional.of("P1"), Feeds.feederOf(tertiary, "S1", List.of(v("P1", 1), v("S2", 2)), Map.of("S2", 2), 2));
        assertEquals(Optional.empty(), Feeds.feederOf(tertiary, "S1", List.of(v("P1", 1), v("S2", 2), v("T2", 3)),
                Map.of("S2", 2, "P1", 2), 2), "a terminal of the same order never feeds it: the center does");
    }

    @Test
    void aDestinationWithoutRoomIsNotTaken() {
        assertEquals(Optional.of("P1"), Feeds.feederOf(v("S3", 2), "P2", List.of(v("P1", 1), v("P2", 1)), Map.of("P2", 2), 2));
    }
}
