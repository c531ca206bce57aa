package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.CenterFee;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.live.domain.Application;
import org.cascade.live.domain.ApplicationBook;
import org.cascade.live.domain.CascadePlan;
import org.cascade.live.domain.Checkpoint;
import org.cascade.live.domain.CheckpointLog;
import org.cascade.live.domain.Destinations;
import org.cascade.live.domain.DistributionOrder;
import org.cascade.live.domain.DownAuction;
import org.cascade.live.domain.EditPatternAllocation;
import org.cascade.live.domain.EditPatterns;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveDraw;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.live.domain.LivePriceRevision;
import org.cascade.live.domain.LiveTerms;
import org.cascade.live.domain.Lottery;
import org.cascade.live.domain.LotteryResult;
import org.cascade.live.domain.LotterySeed;
import org.cascade.live.domain.OrderStanding;
import org.cascade.live.domain.PriceRevision;
import org.cascade.live.domain.ReceptionSettings;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.OneTimeSecret;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.swarm.application.OnlineTerminals;

/**
 * Applications for live events (FIG. 18–23): the sponsor opens them, users apply, the center
 * draws lotteries when reception closes, revises the terms at the checkpoints, gives each later
 * applicant its distribution destination and charges applicants at FIG. 23's moments. Every use
 * case locks its event first, so applications, draws and checkpoints of one event happen one at a
 * time, and reads the book back from what was recorded.
 */
@ApplicationScoped
@Transactional
public class LiveApplications {

    /** What the sponsor sets when opening applications. */
    public record Opening(@NotNull ReceptionSettings.SaleMode mode, Instant lotteryClosesAt, Duration auctionStep,
                          @NotNull @Size(max = ReceptionSettings.MAX_PATTERNS) List<@NotBlank @Size(max = 64) String> patterns,
                          @Min(0) @Max(100) int foldBelowPercent, @Min(1) int primarySetCount, @Min(0) long refundPerSegment) {
    }

    /** The FIG. 18 form as a user sends it, and the language of its page (that the application's mails are written in). */
    public record Form(@Min(1) int order, @NotNull @Size(max = LiveApplication.MAX_NAME) String name,
                       @NotNull @Size(max = LiveApplication.MAX_EMAIL) String email, @Size(max = 64) String editPattern,
                       boolean redistributionAllowed, boolean automaticReconnection, @NotNull java.util.Locale language) {

        /** A form from an English page. */
        public Form(int order, String name, String email, String editPattern, boolean redistributionAllowed,
                    boolean automaticReconnection) {
            this(order, name, email, editPattern, redistributionAllowed, automaticReconnection, java.util.Locale.ENGLISH);
        }
    }

    /** An event's application screen for one user: where each order stands, their applications and what they may take instead. */
    public record Screen(LiveEvent event, List<OrderStanding> standings, EditPatterns patterns, List<LiveApplication> mine,
                         Map<String, List<OrderStanding>> offers, Map<Integer, LotteryResult> draws, long available,
                         Optional<DownAuction> auction, Optional<Instant> nextStepAt) {
    }

    /** What the sponsor sees of the applications: the tally, the allocation and the cascade it gives. */
    public record Standing(LiveEvent event, List<OrderStanding> standings, List<LiveApplication> applications,
                           EditPatternAllocation allocation, CascadePlan plan, Map<Integer, LotteryResult> draws,
                           List<LivePriceRevision> revisions) {
    }

    /** What a viewer watches: its place (the charged application of the lowest order), the stream and the delay. */
    public record Viewing(LiveEvent event, LiveApplication application, String pattern, java.time.Duration delay) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    LiveEventRepository events;

    @Inject
    StorageMedias media;

    @Inject
    Ledger ledger;

    @Inject
    OnlineTerminals online;

    @Inject
    Clock clock;

    @Inject
    LiveMails mails;

    /** Opens applications for one of the holder's events, committing to the lottery's seed. */
    public LiveEvent open(@NotBlank String holder, @NotBlank String eventId, @NotNull @Valid Opening o) {
        LiveEvent event = events.lock(eventId).filter(e -> e.holder().equals(holder))
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        event.openReception(new ReceptionSettings(o.mode(), o.lotteryClosesAt(), o.auctionStep(),
                new EditPatterns(o.patterns(), o.foldBelowPercent()), o.primarySetCount(), o.refundPerSegment()),
                LotterySeed.generate(RANDOM), clock.instant());
        return event;
    }

    /**
     * An upcoming event for one user: the cheapest order still open (0 when none is), and whether
     * they received the sponsor's contents before.
     */
    public record Upcoming(LiveEvent event, long cheapest, boolean familiar) {
    }

    /** The events taking applications, the soonest first, with what the list shows one user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Upcoming> upcomingFor(@NotBlank String serial) {
        Instant now = clock.instant();
        long account = media.find(serial).accountId();
        return events.openBefore(now).stream().map(e -> new Upcoming(e,
                book(e).standings(now).stream().filter(OrderStanding::open).mapToLong(OrderStanding::currentPrice).min()
                        .orElse(0),
                ledger.receptionsPaid(account, "holder:" + e.holder()) > 0)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Screen screen(@NotBlank String eventId, @NotBlank String serial) {
        LiveEvent event = openEvent(eventId);
        Instant now = clock.instant();
        ApplicationBook book = book(event);
        List<LiveApplication> mine = events.applications(eventId).stream().filter(a -> a.applicant().equals(serial)).toList();
        Map<String, List<OrderStanding>> offers = new LinkedHashMap<>();
        mine.forEach(a -> offers.put(a.id(), book.offersFor(a.id(), now)));
        Optional<DownAuction> auction = event.saleMode() == ReceptionSettings.SaleMode.DOWN_AUCTION
                ? Optional.of(event.auction()) : Optional.empty();
        return new Screen(event, book.standings(now), event.patterns(), mine, offers, draws(book, event), available(serial, book),
                auction, auction.map(a -> a.nextStepAt(now)));
    }

    /** The sponsor's view of one of their events' applications. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(@NotBlank String holder, @NotBlank String eventId) {
        LiveEvent event = events.find(eventId).filter(e -> e.holder().equals(holder))
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        if (!event.receptionOpen()) {
            return null;
        }
        ApplicationBook book = book(event);
        List<LiveApplication> all = events.applications(eventId);
        EditPatternAllocation allocation = allocation(event, book);
        return new Standing(event, book.standings(clock.instant()), all, allocation,
                CascadePlan.of(allocation, event.termsInForce(), book.orders().count()), draws(book, event),
                events.revisions(eventId));
    }

    /**
     * Where a user watches the event: the charged application of theirs with the lowest order, the
     * stream of its designation (the sponsor's edit when it was folded) and its order's delay.
     * Refused for a user who holds no paid place in the event.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Viewing viewing(@NotBlank String serial, @NotBlank String eventId) {
        LiveEvent event = openEvent(eventId);
        LiveApplication place = events.applications(eventId).stream()
                .filter(a -> a.applicant().equals(serial) && a.isCharged())
                .min(java.util.Comparator.comparingInt(LiveApplication::order))
                .orElseThrow(() -> new RuleViolation("live.watch.noPlace"));
        ApplicationBook book = book(event);
        String pattern = allocation(event, book).folded().contains(place.editPattern()) ? EditPatterns.ENTIRETY
                : place.editPattern();
        return new Viewing(event, place, pattern, book.orders().order(place.order()).orElseThrow().delay());
    }

    /** A published draw, for anyone to recompute. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LotteryResult draw(@NotBlank String eventId, @Min(1) int order) {
        return events.draws(eventId).stream().filter(d -> d.order() == order).findFirst().map(LiveDraw::result)
                .orElseThrow(() -> new NotFound("live.lottery.unknown", order));
    }

    /**
     * Takes a user's application. Refused (nothing kept): reception closed for that order, a
     * second application for it, a full order, an edit pattern the sponsor did not define, a name
     * or e-mail that is not usable, a balance that cannot pay the amount after what the user's
     * other applications of the event still owe, and a revoked media.
     */
    public LiveApplication apply(@NotBlank String serial, @NotBlank String eventId, @NotNull @Valid Form f) {
        media.usable(serial);
        LiveEvent event = events.lock(eventId).filter(LiveEvent::receptionOpen)
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        Instant now = clock.instant();
        ApplicationBook book = book(event);
        Application accepted = book.apply(new Application.Request("LA-" + OneTimeSecret.generate(3), serial, f.order(),
                f.editPattern(), f.redistributionAllowed(), f.automaticReconnection(),
                ledger.receptionsDistributed(serial, "holder:" + event.holder()), relayAbility(serial, event)), now,
                available(serial, book));
        LiveApplication kept = new LiveApplication(eventId, accepted, f.name(), f.email(), f.language());
        events.add(kept);
        mails.received(event, book, kept);
        settle(event, book).forEach(charged -> mails.charged(event, book, charged));
        return kept;
    }

    /** The sponsor's new price and schedule; refused when charged applicants paid for what it changes. */
    public LiveEvent edit(@NotBlank String holder, @NotBlank String eventId, @Min(1) long basePrice, @NotNull Instant startsAt,
                          Instant lotteryClosesAt) {
        LiveEvent event = events.lock(eventId).filter(e -> e.holder().equals(holder) && e.receptionOpen())
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        event.editPriceAndSchedule(basePrice, startsAt, lotteryClosesAt == null ? event.lotteryClosesAt() : lotteryClosesAt,
                book(event), clock.instant());
        return event;
    }

    /**
     * What the schedule does for one event at each tick: applies the checkpoints due, draws the
     * lotteries whose reception closed, then gives destinations and charges whoever is due. Safe
     * to run any number of times and after any pause: each step looks at what was recorded.
     */
    public void advance(@NotBlank String eventId) {
        LiveEvent event = events.lock(eventId).filter(LiveEvent::receptionOpen).orElse(null);
        if (event == null) {
            return;
        }
        Instant now = clock.instant();
        ApplicationBook book = book(event);
        Set<Checkpoint> applied = events.revisions(eventId).stream().map(LivePriceRevision::checkpoint)
                .collect(Collectors.toSet());
        CheckpointLog log = event.checkpoints(applied);
        for (Checkpoint due : log.due(now)) {
            PriceRevision revision = log.evaluate(due, now, event.demand(), event.distributionDegree());
            boolean held = false;
            // the orders as they were: revising replaces the book's orders with new ones
            org.cascade.live.domain.DistributionOrders before = book.orders();
            try {
                event.revise(revision, book);
            } catch (RuleViolation contradictsCharged) {
                held = true;
            }
            events.add(new LivePriceRevision(eventId, revision, held));
            log = event.checkpoints(Set.copyOf(applied(eventId)));
            book = book(event);
            if (!held) {
                mails.revised(event, before, book, due, events.applications(eventId));
            }
        }
        List<LotteryResult> drawn = new ArrayList<>();
        if (book.lotteryDue(now)) {
            LiveTerms terms = event.termsInForce();
            for (DistributionOrder o : book.orders().orders()) {
                if (o.byLottery() && book.draw(o.number()).isEmpty()) {
                    LotteryResult result = new Lottery(o.number(), o.ability(), terms.redistributorsPerTerminal(),
                            event.seedCommitment()).draw(event.seed(), book.entries(o.number()));
                    book.publish(result, now);
                    events.add(new LiveDraw(eventId, result, now));
                    drawn.add(result);
                }
            }
        }
        List<LiveApplication> charged = settle(event, book);
        // after settling, so that a winner charged at once is told so; the charges' mails after the draw's
        for (LotteryResult result : drawn) {
            mails.drawn(event, book, result, events.applications(eventId));
        }
        for (LiveApplication a : charged) {
            mails.charged(event, book, a);
        }
        if (!now.isBefore(event.startsAt().minus(LiveMails.STARTING_AHEAD))) {
            mails.starting(event, book, events.applications(eventId));
        }
    }

    /** The events the schedule looks at: taking applications and not started. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> scheduled() {
        return events.openBefore(clock.instant()).stream().map(LiveEvent::id).toList();
    }

    private Set<Checkpoint> applied(String eventId) {
        return events.revisions(eventId).stream().map(LivePriceRevision::checkpoint).collect(Collectors.toSet());
    }

    /**
     * FIG. 23: primary applicants are charged once their number reaches the set count, then each
     * at once; each later order's applicants get their destination under a charged relay of the
     * order above and are charged then. An applicant whose balance no longer pays stays uncharged
     * (and without a place below it) until it does; so does one whose media was revoked since it
     * applied, for good: the owner's balance waits for its re-issue, not for a place in the event.
     * Returns the applications charged now.
     */
    private List<LiveApplication> settle(LiveEvent event, ApplicationBook book) {
        List<LiveApplication> charged = new ArrayList<>();
        Map<String, LiveApplication> kept = new HashMap<>();
        events.applications(event.id()).forEach(a -> kept.put(a.id(), a));
        EditPatternAllocation allocation = allocation(event, book);
        Set<String> folded = Set.copyOf(allocation.folded());
        java.util.function.Function<Application, String> patternOf = a -> folded.contains(a.editPattern())
                ? EditPatterns.ENTIRETY : a.editPattern();
        Instant now = clock.instant();
        for (Application due : event.charging().primaryDue(book.confirmed(1), book.chargedApplications())) {
            charge(event, book, kept.get(due.id()), now).ifPresent(charged::add);
        }
        int perTerminal = event.termsInForce().redistributorsPerTerminal();
        for (int n = 2; n <= book.orders().count(); n++) {
            int order = n;
            List<Application> relays = book.confirmed(n - 1).stream()
                    .filter(a -> book.chargedApplications().contains(a.id())).toList();
            Map<String, Integer> load = new HashMap<>();
            kept.values().stream().filter(a -> a.order() == order && a.destination() != null)
                    .forEach(a -> load.merge(a.destination(), 1, Integer::sum));
            List<Application> waiting = book.confirmed(n).stream().filter(a -> kept.get(a.id()).destination() == null).toList();
            Destinations.assign(waiting, relays, load, perTerminal, patternOf)
                    .forEach((application, relay) -> kept.get(application).relayedBy(relay));
            List<String> withDestination = kept.values().stream().filter(a -> a.order() == order && a.destination() != null)
                    .map(LiveApplication::id).toList();
            for (Application due : event.charging().laterDue(book.confirmed(n), withDestination, book.chargedApplications())) {
                charge(event, book, kept.get(due.id()), now).ifPresent(charged::add);
            }
        }
        return charged;
    }

    private Optional<LiveApplication> charge(LiveEvent event, ApplicationBook book, LiveApplication a, Instant now) {
        if (!media.isUsable(a.applicant()) || media.balance(a.applicant()) < a.amount()) {
            return Optional.empty();
        }
        long fee = CenterFee.of(a.amount());
        ledger.post("live:" + a.id(), TransactionKind.LIVE_CHARGE, "holder:" + event.holder(), null, List.of(
                new Leg(media.find(a.applicant()).accountId(), -a.amount()),
                new Leg(ledger.open(AccountType.HOLDER_PAYABLE, "holder:" + event.holder()).id(), a.amount() - fee),
                new Leg(ledger.open(AccountType.CENTER_REVENUE, "center:live").id(), fee)).stream()
                .filter(l -> l.amount() != 0).toList());
        a.charged(now);
        book.charged(a.id());
        return Optional.of(a);
    }

    /** The balance minus what the user's uncharged applications of this event may still take. */
    /**
     * The balance minus what the user's uncharged applications of this event may still take; an
     * application that lost its lottery takes nothing.
     */
    private long available(String serial, ApplicationBook book) {
        Set<String> lost = new java.util.HashSet<>();
        book.orders().orders().forEach(o -> book.draw(o.number()).ifPresent(r -> lost.addAll(r.losers())));
        long owed = book.applications().stream()
                .filter(a -> a.applicant().equals(serial) && !book.chargedApplications().contains(a.id()) && !lost.contains(a.id()))
                .mapToLong(Application::amount).sum();
        return media.balance(serial) - owed;
    }

    /** How many terminals the applicant's link can relay the stream to at once, from its last heartbeat; 0 when offline. */
    private int relayAbility(String serial, LiveEvent event) {
        long kbps = event.configuration().distribution().streamKbps();
        return online.all().stream().filter(t -> serial.equals(t.serial()) && t.state() != null)
                .mapToLong(t -> t.state().linkBytesPerSecond() * 8 / 1000 / kbps)
                .map(n -> Math.min(n, LiveTerms.MAX_REDISTRIBUTORS)).mapToInt(n -> (int) n).max().orElse(0);
    }

    private EditPatternAllocation allocation(LiveEvent event, ApplicationBook book) {
        List<String> designations = new ArrayList<>();
        for (DistributionOrder o : book.orders().orders()) {
            book.ofOrder(o.number()).forEach(a -> designations.add(a.editPattern()));
        }
        return event.patterns().allocate(designations, book.orders().order(1).orElseThrow().ability());
    }

    private ApplicationBook book(LiveEvent event) {
        List<LiveApplication> kept = events.applications(event.id());
        return event.book(kept.stream().map(LiveApplication::application).toList(),
                events.draws(event.id()).stream().map(LiveDraw::result).toList(),
                kept.stream().filter(LiveApplication::isCharged).map(LiveApplication::id).collect(Collectors.toSet()));
    }

    private Map<Integer, LotteryResult> draws(ApplicationBook book, LiveEvent event) {
        Map<Integer, LotteryResult> draws = new LinkedHashMap<>();
        book.orders().orders().forEach(o -> book.draw(o.number()).ifPresent(r -> draws.put(o.number(), r)));
        return draws;
    }

    private LiveEvent openEvent(String eventId) {
        return events.find(eventId).filter(LiveEvent::receptionOpen).orElseThrow(() -> new NotFound("live.event.unknown", eventId));
    }
}
