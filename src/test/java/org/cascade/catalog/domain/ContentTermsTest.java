package org.cascade.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ContentTermsTest {

    private static void assertRefused(String key, Executable e) {
        assertEquals(key, assertThrows(RuleViolation.class, e).messageKey());
    }

    @Test
    void unitCostFromZeroToMaximumIsAccepted() {
        assertEquals(0, new ContentTerms(0, false, 0).unitCost());
        assertEquals(ContentTerms.MAX_UNIT_COST, new ContentTerms(ContentTerms.MAX_UNIT_COST, false, 0).unitCost());
    }

    @Test
    void unitCostOutsideItsRangeIsRefused() {
        assertRefused("content.unitCost.range", () -> new ContentTerms(-1, false, 0));
        assertRefused("content.unitCost.range", () -> new ContentTerms(ContentTerms.MAX_UNIT_COST + 1, false, 0));
    }

    @Test
    void shareFromZeroToNinetyIsAcceptedWithRedistribution() {
        ContentTerms none = new ContentTerms(100, true, 0);
        ContentTerms most = new ContentTerms(100, true, 90);

        assertEquals(0, none.redistributorSharePercent());
        assertEquals(90, most.redistributorSharePercent());
        assertEquals(90, ContentTerms.MAX_SHARE_PERCENT);
        assertTrue(most.redistributionAllowed());
    }

    @Test
    void shareOutsideItsRangeIsRefused() {
        assertRefused("content.share.range", () -> new ContentTerms(100, true, 91));
        assertRefused("content.share.range", () -> new ContentTerms(100, true, -1));
    }

    @Test
    void shareWithoutRedistributionIsRefused() {
        assertRefused("content.share.withoutRedistribution", () -> new ContentTerms(100, false, 10));
        assertFalse(new ContentTerms(100, false, 0).redistributionAllowed());
    }
}
