/**
 * Live events (spec third embodiment, FIG. 16–23): the rules, with no container, so that the
 * application layer and the holder's pages can lean on them and tests can check them on the
 * spec's own examples. Only {@link org.cascade.live.domain.LiveEvent} is an entity (its JPA
 * annotations are its only tie to persistence); every other type is a value computed from it.
 *
 * <ul>
 * <li>the event as the sponsor configures it (FIG. 17A–D): {@link org.cascade.live.domain.EventConfiguration},
 * kept as a registered {@link org.cascade.live.domain.LiveEvent} in {@link org.cascade.live.domain.LiveEventRepository};</li>
 * <li>how an event is priced when its applications open, from its two ranks:
 * {@link org.cascade.live.domain.EventPricing};</li>
 * <li>degree of demand and degree of distribution as explained ranks, the reference price and the
 * terms that follow the ranks (FIG. 22): {@link org.cascade.live.domain.DemandDegree},
 * {@link org.cascade.live.domain.DistributionDegree}, {@link org.cascade.live.domain.RankBreakdown},
 * {@link org.cascade.live.domain.ReferencePrice}, {@link org.cascade.live.domain.LiveTerms};</li>
 * <li>the checkpoints 90, 30, 7 and 1 days before the event, each applied once:
 * {@link org.cascade.live.domain.Checkpoint}, {@link org.cascade.live.domain.PriceRevision},
 * {@link org.cascade.live.domain.CheckpointLog};</li>
 * <li>the distribution orders with their price, ability and delay (FIG. 18), the applications
 * and their refusals: {@link org.cascade.live.domain.DistributionOrders},
 * {@link org.cascade.live.domain.ApplicationBook};</li>
 * <li>the committed-seed lottery with the spec's priorities: {@link org.cascade.live.domain.LotterySeed},
 * {@link org.cascade.live.domain.Lottery}, {@link org.cascade.live.domain.LotteryResult};</li>
 * <li>the down auction (FIG. 19): {@link org.cascade.live.domain.DownAuction};</li>
 * <li>edit patterns (FIG. 20A–C, 21): {@link org.cascade.live.domain.EditPatternAllocation};</li>
 * <li>the cascade plan, its charging moments and the refund for redistribution (FIG. 23):
 * {@link org.cascade.live.domain.CascadePlan}, {@link org.cascade.live.domain.Charging},
 * {@link org.cascade.live.domain.RedistributionRefund}.</li>
 * </ul>
 *
 * <p>Money is integer yen ({@code long}); time is {@link java.time.Instant} and
 * {@link java.time.Duration}, passed in, never read from the system clock here. A refusal a user
 * or holder can cause is a {@link org.cascade.platform.domain.RuleViolation} with a {@code live.*}
 * message key; impossible arguments (a programming error upstream) are
 * {@link java.lang.IllegalArgumentException}.
 */
package org.cascade.live.domain;
