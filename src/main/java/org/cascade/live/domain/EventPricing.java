package org.cascade.live.domain;

import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * How Cascade prices an event when its applications open (FIG. 22): the degree of demand and the
 * degree of distribution, each with how it was computed; the reference price they give the
 * sponsor's base price; the terms in force (the base terms under the two ranks); and the
 * distribution orders planned from those terms and the center's primary ability. A pure function
 * of the configuration and the demand figures, so the holder page can show it at any time and
 * always shows the same.
 */
public record EventPricing(RankBreakdown demand, RankBreakdown ability, ReferencePrice referencePrice, LiveTerms baseTerms,
                           LiveTerms terms, long primaryAbility, DistributionOrders orders) {

    public EventPricing {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(ability, "ability");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(baseTerms, "baseTerms");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(orders, "orders");
    }

    /**
     * Prices an event: ranks demand and ability, moves the base price by the pressure between
     * them, and plans the configured number of orders on the resulting terms. Refused when the
     * link cannot carry a single stream, since no terminal could then be sent the event.
     */
    public static EventPricing of(EventConfiguration.DistributionInformation distribution, DemandDegree demand,
                                  DistributionDegree ability) {
        long primary = distribution.primaryAbility();
        if (primary < 1) {
            throw new RuleViolation("live.config.link", distribution.linkMbps(), distribution.streamKbps());
        }
        RankBreakdown d = demand.breakdown();
        RankBreakdown a = ability.breakdown();
        LiveTerms base = distribution.baseTerms();
        LiveTerms terms = base.underRanks(d.rank(), a.rank());
        return new EventPricing(d, a, ReferencePrice.of(base.price(), d.rank(), a.rank()), base, terms, primary,
                DistributionOrders.plan(terms, primary, distribution.orders(), d.rank(), a.rank()));
    }
}
