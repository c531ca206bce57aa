package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;

/**
 * A live event a contents holder registered as its sponsor (FIG. 17A–D), with the demand figures
 * the center ranks it on. It keeps the configuration in its own columns and gives it back as the
 * {@link EventConfiguration} the pure rules work on, so every rule of the configuration is checked
 * by those records and every price is computed by {@link EventPricing}, never stored twice.
 *
 * <p>Registration is refused when the event does not start after the moment it is registered or
 * starts more than {@value #MAX_YEARS_AHEAD} years later, when a text is longer than its column,
 * and when the link cannot carry one stream (no terminal could be sent the event).
 */
@Entity
@Table(name = "LIVE_EVENT", indexes = @Index(name = "LIVE_EVENT_HOLDER", columnList = "HOLDER"))
@NamedQuery(name = "LiveEvent.findByHolder",
        query = "select e from LiveEvent e where e.holder = :holder order by e.startsAt, e.id")
@NamedQuery(name = "LiveEvent.countStartedByHolder",
        query = "select count(e) from LiveEvent e where e.holder = :holder and e.startsAt <= :now")
@NamedQuery(name = "LiveEvent.findOpenBefore",
        query = "select e from LiveEvent e where e.receptionOpenedAt is not null and e.startsAt > :now order by e.startsAt, e.id")
public class LiveEvent {

    public static final int MAX_YEARS_AHEAD = 5;
    public static final int MAX_ARTIST = 120;
    public static final int MAX_TITLE = 200;
    public static final int MAX_VENUE = 200;
    public static final int MAX_ACOUSTICS = 1000;
    public static final int MAX_PROVIDER = 120;
    public static final int MAX_SPONSOR = 120;
    public static final int MAX_CONTACT = 200;
    public static final int MAX_COMMENT = 500;

    @Id
    @Column(length = 16)
    private String id;

    /** The holder account that sponsors the event (FIG. 17D). */
    @Column(nullable = false, length = 32)
    private String holder;

    @Column(nullable = false, length = MAX_ARTIST)
    private String artist;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false, length = MAX_VENUE)
    private String venueName;

    private int seatingCapacity;

    private int cameras;

    @Column(length = MAX_ACOUSTICS)
    private String acoustics;

    @Column(nullable = false, length = MAX_PROVIDER)
    private String provider;

    private long serverStreams;

    private long linkMbps;

    private long streamKbps;

    private int distributionOrders;

    private long basePrice;

    private int redistributorsPerTerminal;

    private long redistributionIntervalSeconds;

    @Column(nullable = false, length = MAX_SPONSOR)
    private String sponsorName;

    @Column(length = MAX_CONTACT)
    private String sponsorContact;

    private long pastSpectators;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Figure.Source pastSpectatorsSource;

    private long downloads;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Figure.Source downloadsSource;

    private long searchHits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Figure.Source searchHitsSource;

    @Column(nullable = false)
    private Instant registeredAt;

    /** The sponsor's words for the list and the application screen (FIG. 26's added information). */
    @Column(length = MAX_COMMENT)
    private String comment;

    /** One of the sponsor's listed contents that previews the event: its page has the preview, comments and board. */
    @Column(length = 32)
    private String previewContent;

    /** When applications opened; null until the sponsor opens them. */
    private Instant receptionOpenedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ReceptionSettings.SaleMode saleMode;

    private Instant lotteryClosesAt;

    private long auctionStepSeconds;

    /** The designations besides the sponsor's edit, one per line, in the holder's order. */
    @Column(length = 2000)
    private String editPatterns;

    private int foldBelowPercent;

    private int primarySetCount;

    private long refundPerSegment;

    /** The lottery's seed: secret until the draw publishes it; only its commitment is shown before. */
    @Column(length = 64)
    private String seedHex;

    @Column(length = 64)
    private String seedCommitment;

    /** The terms in force since opening or the last checkpoint, and the ranks they were set on. */
    private long termsPrice;

    private int termsRedistributors;

    private long termsIntervalSeconds;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Rank demandRank;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Rank abilityRank;

    @Version
    private long revision;

    protected LiveEvent() {
    }

    /** Registers an event configured by its sponsor at {@code now}; see the class comment for the refusals. */
    public LiveEvent(String id, EventConfiguration configuration, DemandDegree demand, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(now, "now");
        EventConfiguration.Registration r = configuration.registration();
        if (!r.startsAt().isAfter(now) || r.startsAt().isAfter(now.plus(Duration.ofDays(365L * MAX_YEARS_AHEAD)))) {
            throw new RuleViolation("live.config.when", MAX_YEARS_AHEAD);
        }
        EventConfiguration.Venue v = configuration.venue();
        EventConfiguration.DistributionInformation d = configuration.distribution();
        EventConfiguration.Sponsor s = configuration.sponsor();
        this.id = id;
        this.holder = s.holder();
        this.artist = bounded(r.artist(), MAX_ARTIST);
        this.title = bounded(r.title(), MAX_TITLE);
        this.startsAt = r.startsAt();
        this.venueName = bounded(v.name(), MAX_VENUE);
        this.seatingCapacity = v.seatingCapacity();
        this.cameras = v.cameras();
        this.acoustics = bounded(v.acoustics(), MAX_ACOUSTICS);
        this.provider = bounded(d.provider(), MAX_PROVIDER);
        this.serverStreams = d.serverStreams();
        this.linkMbps = d.linkMbps();
        this.streamKbps = d.streamKbps();
        this.distributionOrders = d.orders();
        this.basePrice = d.basePrice();
        this.redistributorsPerTerminal = d.redistributorsPerTerminal();
        this.redistributionIntervalSeconds = d.redistributionInterval().toSeconds();
        this.sponsorName = bounded(s.name(), MAX_SPONSOR);
        this.sponsorContact = bounded(s.contact(), MAX_CONTACT);
        this.pastSpectators = demand.pastSpectators().value();
        this.pastSpectatorsSource = demand.pastSpectators().source();
        this.downloads = demand.downloads().value();
        this.downloadsSource = demand.downloads().source();
        this.searchHits = demand.searchHits().value();
        this.searchHitsSource = demand.searchHits().source();
        this.registeredAt = now;
        // priced once here, so that an event nobody could be sent is never kept
        pricing();
    }

    private static String bounded(String text, int max) {
        if (text.length() > max) {
            throw new RuleViolation("live.config.tooLong", max);
        }
        return text;
    }

    /** The event as its sponsor configured it (FIG. 17A–D). */
    public EventConfiguration configuration() {
        return new EventConfiguration(new EventConfiguration.Registration(artist, title, startsAt),
                new EventConfiguration.Venue(venueName, seatingCapacity, cameras, acoustics),
                new EventConfiguration.DistributionInformation(provider, serverStreams, linkMbps, streamKbps,
                        distributionOrders, basePrice, redistributorsPerTerminal,
                        Duration.ofSeconds(redistributionIntervalSeconds)),
                new EventConfiguration.Sponsor(sponsorName, holder, sponsorContact));
    }

    /** The demand figures, each with where it came from. */
    public DemandDegree demand() {
        return new DemandDegree(new Figure(pastSpectators, pastSpectatorsSource), new Figure(downloads, downloadsSource),
                new Figure(searchHits, searchHitsSource));
    }

    /**
     * The strength of the distribution (FIG. 17C): the streams the distribution server sustains,
     * the link's upstream and the bit rate one terminal is sent at, as the sponsor entered them.
     */
    public DistributionDegree distributionDegree() {
        return new DistributionDegree(Figure.bySponsor(serverStreams), Figure.bySponsor(linkMbps),
                Figure.bySponsor(streamKbps));
    }

    /** How Cascade prices the event: ranks, reference price, terms and orders. */
    public EventPricing pricing() {
        return EventPricing.of(configuration().distribution(), demand(), distributionDegree());
    }

    /**
     * Opens applications (FIG. 18/19) on the terms priced now, committing to the lottery's seed.
     * Refused when they are open already, when the event has started, and when the settings do not
     * fit the event ({@link ReceptionSettings}).
     */
    public void openReception(ReceptionSettings settings, LotterySeed seed, Instant now) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(seed, "seed");
        if (receptionOpenedAt != null) {
            throw new RuleViolation("live.reception.opened");
        }
        if (!now.isBefore(startsAt)) {
            throw new RuleViolation("live.reception.started");
        }
        EventPricing p = pricing();
        settings.checkAgainst(now, startsAt, p.orders());
        receptionOpenedAt = now;
        saleMode = settings.mode();
        lotteryClosesAt = settings.lotteryClosesAt();
        auctionStepSeconds = settings.auctionStep() == null ? 0 : settings.auctionStep().toSeconds();
        editPatterns = String.join("\n", settings.patterns().patterns().subList(1, settings.patterns().patterns().size()));
        foldBelowPercent = settings.patterns().foldBelowPercent();
        primarySetCount = settings.primarySetCount();
        refundPerSegment = settings.refundPerSegment();
        seedHex = seed.hex();
        seedCommitment = seed.commitment();
        setTerms(p.terms(), p.demand().rank(), p.ability().rank());
    }

    public boolean receptionOpen() {
        return receptionOpenedAt != null;
    }

    /** The terms applications are sold on: those priced now until opening, then those in force. */
    public LiveTerms termsInForce() {
        return receptionOpenedAt == null ? pricing().terms()
                : new LiveTerms(termsPrice, termsRedistributors, Duration.ofSeconds(termsIntervalSeconds));
    }

    /** The orders on the terms in force. */
    public DistributionOrders ordersInForce() {
        if (receptionOpenedAt == null) {
            return pricing().orders();
        }
        return DistributionOrders.plan(termsInForce(), configuration().distribution().primaryAbility(), distributionOrders,
                demandRank, abilityRank);
    }

    public EditPatterns patterns() {
        List<String> defined = editPatterns == null || editPatterns.isEmpty() ? List.of() : List.of(editPatterns.split("\n"));
        return new EditPatterns(defined, foldBelowPercent);
    }

    /** The applications book as recorded: what was accepted, drawn and charged. */
    public ApplicationBook book(List<Application> accepted, List<LotteryResult> draws, Set<String> charged) {
        requireOpen();
        ApplicationBook book = saleMode == ReceptionSettings.SaleMode.DOWN_AUCTION
                ? ApplicationBook.downAuction(auction(), patterns(), startsAt)
                : ApplicationBook.fixedPrices(ordersInForce(), patterns(), lotteryClosesAt, startsAt);
        return book.restore(accepted, draws, charged);
    }

    /** The down auction of a down-auction event, opened when applications opened. */
    public DownAuction auction() {
        requireOpen();
        if (saleMode != ReceptionSettings.SaleMode.DOWN_AUCTION) {
            throw new IllegalStateException("event " + id + " is sold at fixed prices");
        }
        return DownAuction.plan(ordersInForce(), receptionOpenedAt, Duration.ofSeconds(auctionStepSeconds));
    }

    /** The checkpoint log from the checkpoints applied before. */
    public CheckpointLog checkpoints(Set<Checkpoint> applied) {
        requireOpen();
        return CheckpointLog.resume(startsAt, receptionOpenedAt, configuration().distribution().baseTerms(), termsInForce(),
                applied);
    }

    /**
     * Puts a checkpoint's revision in force, or refuses it (nothing changes) when the revised
     * orders would change what charged applicants paid for.
     */
    public void revise(PriceRevision revision, ApplicationBook book) {
        requireOpen();
        DistributionOrders revised = DistributionOrders.plan(revision.after(), configuration().distribution().primaryAbility(),
                distributionOrders, revision.demand().rank(), revision.ability().rank());
        book.revise(revised);
        setTerms(revision.after(), revision.demand().rank(), revision.ability().rank());
    }

    /**
     * The sponsor's new base price, start and lottery closing. Refused when the orders it gives
     * would change what charged applicants paid for, or once anyone was charged for the schedule,
     * and when the start is not after {@code now}.
     */
    public void editPriceAndSchedule(long newBasePrice, Instant newStartsAt, Instant newLotteryClosesAt,
                                     ApplicationBook book, Instant now) {
        requireOpen();
        if (!newStartsAt.isAfter(now)) {
            throw new RuleViolation("live.config.when", MAX_YEARS_AHEAD);
        }
        LiveTerms base = new LiveTerms(newBasePrice, redistributorsPerTerminal, Duration.ofSeconds(redistributionIntervalSeconds));
        LiveTerms terms = base.underRanks(demandRank, abilityRank);
        if (saleMode == ReceptionSettings.SaleMode.FIXED_PRICES) {
            book.revise(DistributionOrders.plan(terms, configuration().distribution().primaryAbility(), distributionOrders,
                    demandRank, abilityRank));
        } else if (newBasePrice != basePrice && !book.chargedApplications().isEmpty()) {
            throw new RuleViolation("live.price.charged", 1);
        }
        Instant closing = saleMode == ReceptionSettings.SaleMode.FIXED_PRICES ? newLotteryClosesAt : newStartsAt;
        if (!newStartsAt.equals(startsAt) || !closing.equals(saleMode == ReceptionSettings.SaleMode.FIXED_PRICES ? lotteryClosesAt : startsAt)) {
            book.reschedule(closing, newStartsAt);
        }
        basePrice = newBasePrice;
        startsAt = newStartsAt;
        if (saleMode == ReceptionSettings.SaleMode.FIXED_PRICES) {
            lotteryClosesAt = newLotteryClosesAt;
        }
        setTerms(terms, demandRank, abilityRank);
    }

    /**
     * The added information shown with the event (FIG. 26): the sponsor's comment and the content
     * that previews it (checked to be one of the sponsor's listed contents by the caller).
     */
    public void describe(String newComment, String newPreviewContent) {
        String c = newComment == null ? "" : newComment.strip();
        comment = c.isEmpty() ? null : bounded(c, MAX_COMMENT);
        previewContent = newPreviewContent == null || newPreviewContent.isBlank() ? null : newPreviewContent.strip();
    }

    public String comment() {
        return comment == null ? "" : comment;
    }

    public String previewContent() {
        return previewContent;
    }

    /** The sponsor's latest demand figures; the next checkpoint ranks on them. */
    public void updateDemand(DemandDegree demand) {
        this.pastSpectators = demand.pastSpectators().value();
        this.pastSpectatorsSource = demand.pastSpectators().source();
        this.downloads = demand.downloads().value();
        this.downloadsSource = demand.downloads().source();
        this.searchHits = demand.searchHits().value();
        this.searchHitsSource = demand.searchHits().source();
    }

    /** Charging of primary applicants (S802–S803) at the set count. */
    public Charging charging() {
        requireOpen();
        return new Charging(primarySetCount);
    }

    /** The refund rule for relayed segments; the segments are counted on air. */
    public long refundPerSegment() {
        return refundPerSegment;
    }

    /** What the center committed to before applications closed: hex SHA-256 of the seed. */
    public String seedCommitment() {
        return seedCommitment;
    }

    /** The seed, for the draw only; published with its result, never shown before. */
    public LotterySeed seed() {
        requireOpen();
        return LotterySeed.fromHex(seedHex);
    }

    public ReceptionSettings.SaleMode saleMode() {
        return saleMode;
    }

    public Instant lotteryClosesAt() {
        return lotteryClosesAt;
    }

    public Instant receptionOpenedAt() {
        return receptionOpenedAt;
    }

    public int primarySetCount() {
        return primarySetCount;
    }

    private void setTerms(LiveTerms terms, Rank demand, Rank ability) {
        termsPrice = terms.price();
        termsRedistributors = terms.redistributorsPerTerminal();
        termsIntervalSeconds = terms.redistributionInterval().toSeconds();
        demandRank = demand;
        abilityRank = ability;
    }

    private void requireOpen() {
        if (receptionOpenedAt == null) {
            throw new RuleViolation("live.reception.notOpen");
        }
    }

    public String id() {
        return id;
    }

    public String holder() {
        return holder;
    }

    public String artist() {
        return artist;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public String venueName() {
        return venueName;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
