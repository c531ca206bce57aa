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
import java.util.Objects;
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
public class LiveEvent {

    public static final int MAX_YEARS_AHEAD = 5;
    public static final int MAX_ARTIST = 120;
    public static final int MAX_TITLE = 200;
    public static final int MAX_VENUE = 200;
    public static final int MAX_ACOUSTICS = 1000;
    public static final int MAX_PROVIDER = 120;
    public static final int MAX_SPONSOR = 120;
    public static final int MAX_CONTACT = 200;

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
