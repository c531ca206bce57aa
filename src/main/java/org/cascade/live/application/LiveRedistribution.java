package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.cascade.ledger.application.Leg;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.live.domain.RedistributionRefund;
import org.cascade.live.domain.RelayReport;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;

/**
 * Redistribution on air and its refund (FIG. 24 S837–S838, FIG. 26 T8–T9): relays report the
 * segments they sent each receiver, receivers those they verified from each relay; when the
 * sponsor ends the broadcast, each redistributing applicant is credited by the segments both ends
 * reported ({@link RelayReport#matched()}) under {@link RedistributionRefund}, from the sponsor's
 * payable, once per application (the ledger's idempotency key).
 */
@ApplicationScoped
@Transactional
public class LiveRedistribution {

    /** Which end of a link reports. */
    public enum Side { SENT, RECEIVED }

    /** What the end of the broadcast credited: per refunded application, the refund. */
    public record Ended(long segmentsInEvent, List<Credited> credited) {
        public long total() {
            return credited.stream().mapToLong(c -> c.refund().amount()).sum();
        }
    }

    public record Credited(String application, String applicant, RedistributionRefund.Refund refund) {
    }

    @Inject
    LiveEventRepository events;

    @Inject
    LiveCascade cascade;

    @Inject
    LiveRefusals refusals;

    @Inject
    Ledger ledger;

    @Inject
    StorageMedias media;

    @Inject
    LiveMails mails;

    /**
     * A report from one end of a link. Refused and recorded: a link the center never made (a
     * terminal relaying for a link it is not in), a segment number out of range.
     */
    public void report(@NotBlank String eventId, @NotNull Side side, @NotBlank String reporter, @NotBlank String counterpart,
                       @NotEmpty @Size(max = 600) List<Long> segments) {
        String relay = side == Side.SENT ? reporter : counterpart;
        String receiver = side == Side.SENT ? counterpart : reporter;
        if (!cascade.wasLinked(eventId, relay, receiver)) {
            refusals.record(eventId, reporter, (side == Side.SENT ? "relayed to " : "received from ") + counterpart,
                    "live.channel.notLinked");
            throw new RuleViolation("live.channel.notLinked", counterpart);
        }
        long published = events.segmentsPublished(eventId);
        if (segments.stream().anyMatch(s -> s >= published)) {
            refusals.record(eventId, reporter, "report of segments not published", "live.report.segment");
            throw new RuleViolation("live.report.segment", published);
        }
        events.lock(eventId).orElseThrow(() -> new NotFound("live.event.unknown", eventId)); // reports of one event one at a time
        String key = RelayReport.key(eventId, relay, receiver);
        RelayReport report = events.relayReport(key).orElseGet(() -> {
            RelayReport r = new RelayReport(eventId, relay, receiver);
            events.add(r);
            return r;
        });
        if (side == Side.SENT) {
            report.sent(segments);
        } else {
            report.received(segments);
        }
    }

    /**
     * The sponsor ends the broadcast: every redistributor is credited its refund, once. The
     * refund is for relaying already done, owed to the media's owner: a media revoked since is
     * credited where its balance is now — itself until its re-issue (which then carries it), the
     * media it was re-issued onto after.
     */
    public Ended end(@NotBlank String holder, @NotBlank String eventId) {
        LiveEvent event = events.lock(eventId).filter(e -> e.holder().equals(holder) && e.receptionOpen())
                .orElseThrow(() -> new NotFound("live.event.unknown", eventId));
        long published = events.segmentsPublished(eventId);
        if (published == 0) {
            throw new RuleViolation("live.air.notStarted");
        }
        RedistributionRefund rule = new RedistributionRefund(event.refundPerSegment(), published);
        List<RelayReport> reports = events.relayReports(eventId);
        List<Credited> credited = new ArrayList<>();
        for (LiveApplication a : events.applications(eventId)) {
            if (!a.isCharged()) {
                continue;
            }
            List<RedistributionRefund.Relay> relays = reports.stream().filter(r -> r.relay().equals(a.id()) && r.matched() > 0)
                    .map(r -> new RedistributionRefund.Relay(r.receiver(), r.matched())).toList();
            RedistributionRefund.Refund refund = rule.of(relays, a.amount(), a.redistributionAllowed());
            if (refund.amount() > 0) {
                ledger.post("live-refund:" + a.id(), TransactionKind.LIVE_REFUND, "holder:" + event.holder(), null, List.of(
                        new Leg(ledger.open(AccountType.HOLDER_PAYABLE, "holder:" + event.holder()).id(), -refund.amount()),
                        new Leg(media.accountHoldingBalanceOf(a.applicant()), refund.amount())));
                credited.add(new Credited(a.id(), a.applicant(), refund));
                mails.refunded(event, a, refund.amount(), refund.segments(), refund.receivers());
            }
        }
        return new Ended(published, credited);
    }
}
