package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cascade.live.domain.ApplicationBook;
import org.cascade.live.domain.Checkpoint;
import org.cascade.live.domain.DistributionOrder;
import org.cascade.live.domain.DistributionOrders;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LotteryResult;
import org.cascade.live.domain.ReceptionSettings;
import org.cascade.mail.application.MailTexts;
import org.cascade.mail.application.Mails;

/**
 * The mails of live applications, recorded in the outbox by the use case that causes them (in its
 * transaction): the application received, the lottery's result to each applicant of a drawn
 * order, each charge, a checkpoint that moves a stream, the event about to start and the refund for
 * redistribution credited after it. Each has a key of its own (what happened to which application), so a
 * use case run again records none twice.
 */
@ApplicationScoped
class LiveMails {

    @Inject
    Mails mails;

    @Inject
    Clock clock;

    void received(LiveEvent event, ApplicationBook book, LiveApplication a) {
        if (!mails.on()) {
            return;
        }
        DistributionOrder order = book.orders().order(a.order()).orElseThrow();
        LiveMailTexts.Sale sale;
        if (event.saleMode() == ReceptionSettings.SaleMode.DOWN_AUCTION) {
            var range = event.auction().range(a.order());
            sale = new LiveMailTexts.Auction(range.startPrice(), range.floorPrice());
        } else if (order.byLottery()) {
            sale = new LiveMailTexts.Lottery(event.lotteryClosesAt(), event.seedCommitment());
        } else {
            sale = new LiveMailTexts.FirstCome();
        }
        mails.enqueue("live-received:" + a.id(), a.email(), a.language(), texts(a).received(applied(event, a), sale));
    }

    void drawn(LiveEvent event, ApplicationBook book, LotteryResult result, List<LiveApplication> applications) {
        if (!mails.on()) {
            return;
        }
        Instant now = clock.instant();
        for (LiveApplication a : applications) {
            if (result.winners().contains(a.id())) {
                mails.enqueue("live-won:" + a.id(), a.email(), a.language(),
                        texts(a).won(applied(event, a), a.isCharged(), event.startsAt(), streamAt(event, book, a)));
            } else if (result.losers().contains(a.id())) {
                List<LiveMailTexts.Offer> offers = book.offersFor(a.id(), now).stream()
                        .map(o -> new LiveMailTexts.Offer(o.order().number(), o.currentPrice(), o.room())).toList();
                mails.enqueue("live-lost:" + a.id(), a.email(), a.language(), texts(a).lost(applied(event, a), offers));
            }
        }
    }

    void charged(LiveEvent event, ApplicationBook book, LiveApplication a) {
        if (!mails.on()) {
            return;
        }
        mails.enqueue("live-charged:" + a.id(), a.email(), a.language(),
                texts(a).charged(applied(event, a), event.startsAt(), streamAt(event, book, a)));
    }

    /**
     * A checkpoint put revised terms in force: each applicant not charged yet (and not lost) whose
     * order now starts its stream at another time is told the new time; what it pays stays the
     * price it applied at.
     */
    void revised(LiveEvent event, DistributionOrders before, ApplicationBook after, Checkpoint checkpoint,
                 List<LiveApplication> applications) {
        if (!mails.on()) {
            return;
        }
        java.util.Set<String> lost = new java.util.HashSet<>();
        after.orders().orders().forEach(o -> after.draw(o.number()).ifPresent(r -> lost.addAll(r.losers())));
        for (LiveApplication a : applications) {
            if (a.isCharged() || lost.contains(a.id())) {
                continue;
            }
            Instant was = streamAt(event, before, a);
            Instant now = streamAt(event, after.orders(), a);
            if (!was.equals(now)) {
                mails.enqueue("live-revised:" + a.id() + ":" + checkpoint.name(), a.email(), a.language(),
                        texts(a).revised(applied(event, a), checkpoint.daysBefore(), was, now));
            }
        }
    }

    /** How long before the event's start its paying applicants are told it is about to start. */
    static final java.time.Duration STARTING_AHEAD = java.time.Duration.ofMinutes(15);

    /** The event starts soon: each charged applicant gets the watch link, once, unless it stopped reminders. */
    void starting(LiveEvent event, ApplicationBook book, List<LiveApplication> applications) {
        if (!mails.on()) {
            return;
        }
        for (LiveApplication a : applications) {
            if (a.isCharged() && mails.wantsReminders(a.applicant())) {
                mails.enqueue("live-starting:" + a.id(), a.email(), a.language(),
                        texts(a).starting(applied(event, a), event.startsAt(), streamAt(event, book, a)));
            }
        }
    }

    /** The refund for redistribution was credited after the broadcast. */
    void refunded(LiveEvent event, LiveApplication a, long amount, long segments, long receivers) {
        if (!mails.on()) {
            return;
        }
        mails.enqueue("live-refund:" + a.id(), a.email(), a.language(),
                texts(a).refunded(applied(event, a), amount, segments, receivers));
    }

    private LiveMailTexts texts(LiveApplication a) {
        return new LiveMailTexts(new MailTexts(a.language(), clock.getZone()), mails.publicUrl());
    }

    private static LiveMailTexts.Applied applied(LiveEvent event, LiveApplication a) {
        return new LiveMailTexts.Applied(a.name(), event.id(), event.artist() + " \u2014 " + event.title(), a.order(),
                a.editPattern(), a.amount());
    }

    private static Instant streamAt(LiveEvent event, ApplicationBook book, LiveApplication a) {
        return streamAt(event, book.orders(), a);
    }

    private static Instant streamAt(LiveEvent event, DistributionOrders orders, LiveApplication a) {
        return event.startsAt().plus(orders.order(a.order()).map(DistributionOrder::delay).orElse(java.time.Duration.ZERO));
    }
}
