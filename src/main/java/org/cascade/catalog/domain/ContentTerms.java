package org.cascade.catalog.domain;

import org.cascade.platform.domain.RuleViolation;

/**
 * What a holder asks for a content (FIG. 3B): the unit cost of one complete reception, whether
 * terminals may redistribute it, and the share of each reception paid to the redistributing
 * terminal. Guards its own bounds.
 */
public record ContentTerms(long unitCost, boolean redistributionAllowed, int redistributorSharePercent) {

    /** The highest unit cost a content may have, in yen. */
    public static final long MAX_UNIT_COST = 1_000_000;
    /** The most of a reception a redistributing terminal may be paid. */
    public static final int MAX_SHARE_PERCENT = 90;

    public ContentTerms {
        if (unitCost < 0 || unitCost > MAX_UNIT_COST) {
            throw new RuleViolation("content.unitCost.range", 0, MAX_UNIT_COST);
        }
        if (redistributorSharePercent < 0 || redistributorSharePercent > MAX_SHARE_PERCENT) {
            throw new RuleViolation("content.share.range", 0, MAX_SHARE_PERCENT);
        }
        if (!redistributionAllowed && redistributorSharePercent != 0) {
            throw new RuleViolation("content.share.withoutRedistribution");
        }
    }
}
