package org.cascade.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageAdmissionTest {

    private static PageAdmission admission(String configured) {
        PageAdmission a = new PageAdmission();
        a.configured = configured;
        a.size();
        return a;
    }

    @Test
    void aPageWaitsForATurnAndGetsOneWhenAnotherLeaves() throws Exception {
        PageAdmission a = admission("2");
        assertTrue(a.enter(1, TimeUnit.MILLISECONDS));
        assertTrue(a.enter(1, TimeUnit.MILLISECONDS));
        assertFalse(a.enter(20, TimeUnit.MILLISECONDS), "both turns are taken");
        a.leave();
        assertTrue(a.enter(1, TimeUnit.MILLISECONDS));
    }

    @Test
    void zeroMeansTwoTurnsPerProcessor() throws Exception {
        PageAdmission a = admission(" 0 ");
        List<Boolean> entered = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 1; i++) {
            entered.add(a.enter(1, TimeUnit.MILLISECONDS));
        }
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), entered.stream().filter(b -> b).count());
    }

    @Test
    void aSettingThatIsNotANumberStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> admission("many"));
    }
}
