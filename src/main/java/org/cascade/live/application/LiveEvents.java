package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.ledger.application.Ledger;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.live.domain.DemandDegree;
import org.cascade.live.domain.EventConfiguration;
import org.cascade.live.domain.Figure;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.OneTimeSecret;

/** A holder's live events: registering one as its sponsor, listing them, showing one with its pricing. */
@ApplicationScoped
@Transactional
public class LiveEvents {

    /**
     * What the sponsor entered on the FIG. 17 form, and the three demand figures (past spectators
     * and downloads null when taken from Cascade's records). Cameras, streams,
     * orders, price and the cascade's terms carry no bounds here: the configuration's records
     * refuse them with a reason the sponsor can act on.
     */
    public record Registration(
            @NotBlank @Size(max = LiveEvent.MAX_ARTIST) String artist,
            @NotBlank @Size(max = LiveEvent.MAX_TITLE) String title,
            @NotNull Instant startsAt,
            @NotBlank @Size(max = LiveEvent.MAX_VENUE) String venueName,
            @Min(0) int seatingCapacity,
            int cameras,
            @Size(max = LiveEvent.MAX_ACOUSTICS) String acoustics,
            @NotBlank @Size(max = LiveEvent.MAX_PROVIDER) String provider,
            long serverStreams,
            long linkMbps,
            long streamKbps,
            int orders,
            long basePrice,
            int redistributorsPerTerminal,
            @NotNull Duration redistributionInterval,
            @NotBlank @Size(max = LiveEvent.MAX_SPONSOR) String sponsorName,
            @Size(max = LiveEvent.MAX_CONTACT) String sponsorContact,
            @Min(0) Long pastSpectators,
            @Min(0) Long downloads,
            @Min(0) long searchHits) {
    }

    @Inject
    LiveEventRepository events;

    @Inject
    Ledger ledger;

    @Inject
    Catalog catalog;

    @Inject
    Clock clock;

    /**
     * Registers the event for {@code holder}. Every rule is checked before it is kept (the
     * configuration's records, then the event's own), so a refusal writes nothing.
     */
    public LiveEvent register(@NotBlank String holder, @NotNull @Valid Registration r) {
        EventConfiguration configuration = new EventConfiguration(
                new EventConfiguration.Registration(r.artist(), r.title(), r.startsAt()),
                new EventConfiguration.Venue(r.venueName(), r.seatingCapacity(), r.cameras(), r.acoustics()),
                new EventConfiguration.DistributionInformation(r.provider(), r.serverStreams(), r.linkMbps(), r.streamKbps(),
                        r.orders(), r.basePrice(), r.redistributorsPerTerminal(), r.redistributionInterval()),
                new EventConfiguration.Sponsor(r.sponsorName(), holder, r.sponsorContact()));
        DemandDegree demand = demand(holder, r.pastSpectators(), r.downloads(), r.searchHits());
        LiveEvent event = new LiveEvent("LV-" + OneTimeSecret.generate(2), configuration, demand, clock.instant());
        events.add(event);
        return event;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LiveEvent> of(@NotBlank String holder) {
        return events.byHolder(holder);
    }

    /** One of the holder's events; another holder's is as unknown as one that does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveEvent forHolder(@NotBlank String id, @NotBlank String holder) {
        return events.find(id).filter(e -> e.holder().equals(holder)).orElseThrow(() -> new NotFound("live.event.unknown", id));
    }

    /** The sponsor's latest demand figures; the next checkpoint ranks the event on them. */
    public LiveEvent updateDemand(@NotBlank String holder, @NotBlank String id, @Min(0) Long pastSpectators,
                                  @Min(0) Long downloads, @Min(0) long searchHits) {
        LiveEvent event = forHolder(id, holder);
        event.updateDemand(demand(holder, pastSpectators, downloads, searchHits));
        return event;
    }

    /**
     * The demand figures: each as the sponsor entered it, or, where the sponsor left it to Cascade
     * (null), from Cascade's own records of the sponsor's contents: the spectators charged per
     * past event of theirs, and the storage medias that paid for their contents.
     */
    private DemandDegree demand(String holder, Long pastSpectators, Long downloads, long searchHits) {
        return new DemandDegree(
                pastSpectators != null ? Figure.bySponsor(pastSpectators)
                        : Figure.fromRecords(events.spectatorsPerPastEvent(holder, clock.instant())),
                downloads != null ? Figure.bySponsor(downloads) : Figure.fromRecords(ledger.receiversOf("holder:" + holder)),
                Figure.bySponsor(searchHits));
    }

    /**
     * The event's added information. A preview content must be one of the sponsor's contents that
     * users can open (listed); another's, or one not listed, is refused.
     */
    public LiveEvent describe(@NotBlank String holder, @NotBlank String id, @Size(max = LiveEvent.MAX_COMMENT) String comment,
                              @Size(max = 32) String previewContent) {
        LiveEvent event = forHolder(id, holder);
        if (previewContent != null && !previewContent.isBlank()) {
            Content preview = catalog.forHolder(previewContent.strip(), holder);
            if (!preview.listed()) {
                throw new RuleViolation("live.preview.notListed", preview.name());
            }
        }
        event.describe(comment, previewContent);
        return event;
    }

    /** Every event taking applications and not started, the soonest first (the operator's list). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LiveEvent> open() {
        return events.openBefore(clock.instant());
    }

    /** Any event, as the operator sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveEvent find(@NotBlank String id) {
        return events.find(id).orElseThrow(() -> new NotFound("live.event.unknown", id));
    }
}
