package org.cascade.live.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;

/**
 * The applications of one event, per distribution order (FIG. 18/19), and the rules that guard
 * them. Lottery orders take applications beyond their ability until the lottery closes and are
 * then drawn; first-come orders (and every order of a down auction) take them until full or until
 * the event starts. Refused: an application after its order's reception closed, a second one by
 * the same applicant for the same order, one by an applicant who holds (or may still win) a place
 * in another order of the event (one place per event; a lost draw frees the applicant to take a
 * second choice), one for a full order, one the balance cannot pay, and
 * one naming an edit pattern the holder did not define. Once applicants are charged, edits of
 * their order's price or delay, and of the schedule, are refused: they would change what was paid for.
 * Not thread-safe: its owner serialises the calls (one transaction).
 */
public final class ApplicationBook {

    private DistributionOrders orders;
    private final DownAuction auction;
    private final EditPatterns patterns;
    private Instant lotteryClosesAt;
    private Instant startsAt;
    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final Map<Integer, LotteryResult> draws = new HashMap<>();
    private final Set<String> charged = new HashSet<>();

    private ApplicationBook(DistributionOrders orders, DownAuction auction, EditPatterns patterns,
                            Instant lotteryClosesAt, Instant startsAt) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.auction = auction;
        this.patterns = Objects.requireNonNull(patterns, "patterns");
        checkSchedule(lotteryClosesAt, startsAt);
        this.lotteryClosesAt = lotteryClosesAt;
        this.startsAt = startsAt;
    }

    /** FIG. 18: fixed prices per order, lottery orders drawn at {@code lotteryClosesAt}. */
    public static ApplicationBook fixedPrices(DistributionOrders orders, EditPatterns patterns, Instant lotteryClosesAt,
                                              Instant startsAt) {
        return new ApplicationBook(orders, null, patterns, lotteryClosesAt, startsAt);
    }

    /** FIG. 19: a down auction; every order is first come, sold out when full. */
    public static ApplicationBook downAuction(DownAuction auction, EditPatterns patterns, Instant startsAt) {
        List<DistributionOrder> firstCome = auction.ranges().stream().map(DownAuction.Range::order)
                .map(o -> new DistributionOrder(o.number(), o.price(), o.ability(), o.delay(),
                        DistributionOrder.ReceptionRule.CLOSES_WHEN_FULL))
                .toList();
        return new ApplicationBook(new DistributionOrders(firstCome), auction, patterns, startsAt, startsAt);
    }

    /**
     * Puts back what was recorded: applications accepted, lotteries published and applications
     * charged. Nothing is checked again: each was checked when it happened.
     */
    public ApplicationBook restore(List<Application> accepted, List<LotteryResult> published, Set<String> chargedIds) {
        accepted.stream().sorted(java.util.Comparator.comparing(Application::appliedAt).thenComparing(Application::id))
                .forEach(a -> applications.put(a.id(), a));
        published.forEach(r -> draws.put(r.order(), r));
        charged.addAll(chargedIds);
        return this;
    }

    /** The edit patterns applicants may designate. */
    public EditPatterns patterns() {
        return patterns;
    }

    /** True when the lottery orders' reception has closed and some lottery order is not drawn yet. */
    public boolean lotteryDue(Instant now) {
        return !now.isBefore(lotteryClosesAt)
                && orders.orders().stream().anyMatch(o -> o.byLottery() && !draws.containsKey(o.number()));
    }

    /** Accepts an application at the amount current for its order, or refuses it with the reason. */
    public Application apply(Application.Request request, Instant now, long balance) {
        if (applications.containsKey(request.id())) {
            throw new IllegalArgumentException("application " + request.id() + " exists");
        }
        DistributionOrder order = orders.order(request.order())
                .orElseThrow(() -> new RuleViolation("live.application.order", request.order()));
        if (!open(order, now)) {
            throw new RuleViolation("live.application.closed", order.number());
        }
        if (applications.values().stream().anyMatch(a -> a.order() == order.number() && a.applicant().equals(request.applicant()))) {
            throw new RuleViolation("live.application.twice", order.number());
        }
        Optional<Application> standing = standingOf(request.applicant());
        if (standing.isPresent()) {
            throw new RuleViolation("live.application.placeHeld", standing.get().order());
        }
        if (!order.byLottery() && count(order.number()) >= order.ability()) {
            throw new RuleViolation("live.application.soldOut", order.number());
        }
        String pattern = patterns.designation(request.editPattern());
        long amount = priceAt(order, now);
        if (balance < amount) {
            throw new RuleViolation("live.application.balance", amount, balance);
        }
        Application accepted = new Application(request.id(), request.applicant(), order.number(), now, amount, pattern,
                request.redistributionAllowed(), request.automaticReconnection(), request.artistDistributions(),
                request.redistributionAbility());
        applications.put(accepted.id(), accepted);
        return accepted;
    }

    /** Where an order stands now, for the application screen. */
    public OrderStanding standing(int number, Instant now) {
        DistributionOrder order = orders.order(number).orElseThrow(() -> new IllegalArgumentException("no order " + number));
        return new OrderStanding(order, priceAt(order, now), count(number), open(order, now) && (order.byLottery()
                || count(number) < order.ability()));
    }

    public List<OrderStanding> standings(Instant now) {
        return orders.orders().stream().map(o -> standing(o.number(), now)).toList();
    }

    /** The entries of a lottery order, for drawing and for publishing with the result. */
    public List<LotteryEntry> entries(int order) {
        return ofOrder(order).stream().map(Application::entry).toList();
    }

    /**
     * Records a lottery's published result. Refused when the order is not a lottery order, its
     * reception has not closed, it was drawn already, or the result is not a verified draw over
     * exactly this order's applications.
     */
    public void publish(LotteryResult result, Instant now) {
        DistributionOrder order = orders.order(result.order()).orElseThrow(() -> new IllegalArgumentException("no order"));
        if (draws.containsKey(order.number())) {
            throw new RuleViolation("live.lottery.drawn", order.number());
        }
        if (!order.byLottery() || now.isBefore(lotteryClosesAt) || result.ability() != order.ability()) {
            throw new IllegalArgumentException("order " + order.number() + " cannot be drawn now");
        }
        if (!result.verify(result.commitment(), entries(order.number()))) {
            throw new IllegalArgumentException("the result does not verify over the applications of order " + order.number());
        }
        draws.put(order.number(), result);
    }

    public Optional<LotteryResult> draw(int order) {
        return Optional.ofNullable(draws.get(order));
    }

    /** The applications that hold a place: the winners of a drawn lottery, none of an undrawn one, all of a first-come order. */
    public List<Application> confirmed(int order) {
        DistributionOrder o = orders.order(order).orElseThrow(() -> new IllegalArgumentException("no order " + order));
        if (!o.byLottery()) {
            return ofOrder(order);
        }
        LotteryResult result = draws.get(order);
        if (result == null) {
            return List.of();
        }
        Set<String> winners = Set.copyOf(result.winners());
        return ofOrder(order).stream().filter(a -> winners.contains(a.id())).toList();
    }

    /**
     * The other orders a losing applicant may still apply for (FIG. 18: asked whether to apply in
     * another order): open, with room, and not already applied for by that applicant.
     */
    public List<OrderStanding> offersFor(String applicationId, Instant now) {
        Application lost = applications.get(applicationId);
        if (lost == null) {
            throw new IllegalArgumentException("no application " + applicationId);
        }
        LotteryResult result = draws.get(lost.order());
        if (result == null || !result.losers().contains(applicationId)) {
            return List.of();
        }
        Set<Integer> appliedFor = new HashSet<>();
        applications.values().stream().filter(a -> a.applicant().equals(lost.applicant())).forEach(a -> appliedFor.add(a.order()));
        List<OrderStanding> offers = new ArrayList<>();
        for (DistributionOrder o : orders.orders()) {
            OrderStanding s = standing(o.number(), now);
            if (!appliedFor.contains(o.number()) && s.open() && s.room() > 0) {
                offers.add(s);
            }
        }
        return offers;
    }

    /** Records that an application was charged; only a confirmed one can be, and once. */
    public void charged(String applicationId) {
        Application a = applications.get(applicationId);
        if (a == null || !confirmed(a.order()).contains(a)) {
            throw new IllegalArgumentException("application " + applicationId + " holds no place");
        }
        if (!charged.add(applicationId)) {
            throw new IllegalArgumentException("application " + applicationId + " was charged already");
        }
    }

    public Set<String> chargedApplications() {
        return Set.copyOf(charged);
    }

    /**
     * Replaces the orders (after a checkpoint revision or a holder's edit). Refused when an order
     * with charged applications would change its price or delay, or lose places they hold.
     */
    public void revise(DistributionOrders revised) {
        for (DistributionOrder before : orders.orders()) {
            long chargedHere = applications.values().stream()
                    .filter(a -> a.order() == before.number() && charged.contains(a.id())).count();
            if (chargedHere == 0) {
                continue;
            }
            DistributionOrder after = revised.order(before.number())
                    .orElseThrow(() -> new RuleViolation("live.price.charged", before.number()));
            if (after.price() != before.price() || !after.delay().equals(before.delay()) || after.ability() < chargedHere
                    || after.rule() != before.rule()) {
                throw new RuleViolation("live.price.charged", before.number());
            }
        }
        orders = revised;
    }

    /** Moves the lottery closing and the start; refused once anyone was charged. */
    public void reschedule(Instant newLotteryClosesAt, Instant newStartsAt) {
        if (!charged.isEmpty()) {
            throw new RuleViolation("live.schedule.charged");
        }
        checkSchedule(newLotteryClosesAt, newStartsAt);
        lotteryClosesAt = newLotteryClosesAt;
        startsAt = newStartsAt;
    }

    public DistributionOrders orders() {
        return orders;
    }

    public List<Application> applications() {
        return List.copyOf(applications.values());
    }

    public List<Application> ofOrder(int order) {
        return applications.values().stream().filter(a -> a.order() == order).toList();
    }

    /**
     * One media, one place per event: the applicant's application that holds a place or may still
     * win one (every application but one that lost a published draw), if any.
     */
    private Optional<Application> standingOf(String applicant) {
        return applications.values().stream()
                .filter(a -> a.applicant().equals(applicant))
                .filter(a -> {
                    LotteryResult result = draws.get(a.order());
                    return result == null || !result.losers().contains(a.id());
                })
                .findFirst();
    }

    private long count(int order) {
        return applications.values().stream().filter(a -> a.order() == order).count();
    }

    private boolean open(DistributionOrder order, Instant now) {
        if (order.byLottery()) {
            return now.isBefore(lotteryClosesAt) && !draws.containsKey(order.number());
        }
        return now.isBefore(startsAt) && (auction == null || !now.isBefore(auction.opensAt()));
    }

    private long priceAt(DistributionOrder order, Instant now) {
        return auction == null ? order.price() : auction.priceAt(order.number(), now);
    }

    private static void checkSchedule(Instant lotteryClosesAt, Instant startsAt) {
        Objects.requireNonNull(lotteryClosesAt, "lotteryClosesAt");
        Objects.requireNonNull(startsAt, "startsAt");
        if (lotteryClosesAt.isAfter(startsAt)) {
            throw new RuleViolation("live.schedule.lotteryAfterStart");
        }
    }
}
