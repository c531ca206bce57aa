package org.cascade.live.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cascade.mail.application.MailTexts;
import org.cascade.mail.domain.MailContent;
import org.cascade.mail.domain.MailContent.Paragraph;

/**
 * What the mails of live applications say, in the applicant's language: the application
 * received, the lottery won or lost (with the orders that still have room), a charge, and a
 * checkpoint that moved when the applicant's stream starts. Made
 * from plain values, so what a mail says can be checked without a container.
 */
public final class LiveMailTexts {

    /** How the applied-for order is sold. */
    public sealed interface Sale permits Lottery, FirstCome, Auction {
    }

    /** Drawn when reception closes, from a seed whose SHA-256 was published before. */
    public record Lottery(Instant closesAt, String commitment) implements Sale {
    }

    public record FirstCome() implements Sale {
    }

    /** A down auction's range for the order. */
    public record Auction(long startPrice, long floorPrice) implements Sale {
    }

    /** Who applied for what: the applicant's name, the event and the order. */
    public record Applied(String name, String eventId, String event, int order, String pattern, long amount) {
    }

    /** An order that still has room, offered to a loser. */
    public record Offer(int order, long price, long room) {
    }

    private final MailTexts t;
    private final String publicUrl;

    public LiveMailTexts(MailTexts texts, String publicUrl) {
        this.t = texts;
        this.publicUrl = publicUrl;
    }

    private String eventLink(String eventId) {
        return publicUrl + "/live/event?id=" + eventId;
    }

    public MailContent received(Applied a, Sale sale) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.received.body", a.event(), a.order(), a.pattern(), t.yen(a.amount()))));
        if (sale instanceof Lottery l) {
            p.add(Paragraph.of(t.text("live.mail.received.lottery", t.time(l.closesAt()), l.commitment())));
        } else if (sale instanceof Auction r) {
            p.add(Paragraph.of(t.text("live.mail.received.auction", t.yen(r.startPrice()), t.yen(r.floorPrice()),
                    t.yen(a.amount()))));
        } else {
            p.add(Paragraph.of(t.text("live.mail.received.firstCome")));
        }
        p.add(new Paragraph(t.text("live.mail.received.charge"), eventLink(a.eventId())));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.received.subject", a.event()), p);
    }

    public MailContent won(Applied a, boolean charged, Instant startsAt, Instant streamAt) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.won.body", a.event(), a.order())));
        p.add(Paragraph.of(charged ? t.text("live.mail.won.charged", t.yen(a.amount()))
                : t.text("live.mail.won.toBeCharged", t.yen(a.amount()))));
        p.add(new Paragraph(t.text("live.mail.when", t.time(startsAt), t.time(streamAt)), eventLink(a.eventId())));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.won.subject", a.event()), p);
    }

    public MailContent lost(Applied a, List<Offer> offers) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.lost.body", a.event(), a.order())));
        if (offers.isEmpty()) {
            p.add(Paragraph.of(t.text("live.mail.lost.noOffers")));
        } else {
            StringBuilder list = new StringBuilder(t.text("live.mail.lost.offers"));
            for (Offer o : offers) {
                list.append("\n").append(t.text("live.mail.lost.offer", o.order(), t.yen(o.price()), o.room()));
            }
            p.add(new Paragraph(list.toString(), eventLink(a.eventId())));
        }
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.lost.subject", a.event()), p);
    }

    public MailContent charged(Applied a, Instant startsAt, Instant streamAt) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.charged.body", t.yen(a.amount()), a.event(), a.order())));
        p.add(new Paragraph(t.text("live.mail.when", t.time(startsAt), t.time(streamAt)),
                publicUrl + "/live/watch?id=" + a.eventId()));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.charged.subject", t.yen(a.amount()), a.event()), p);
    }

    public MailContent revised(Applied a, int daysBefore, Instant streamWas, Instant streamNow) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.revised.body", daysBefore, a.event(), a.order(), t.time(streamWas),
                t.time(streamNow))));
        p.add(new Paragraph(t.text("live.mail.revised.price", t.yen(a.amount())), eventLink(a.eventId())));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.revised.subject", a.event()), p);
    }

    public MailContent starting(Applied a, Instant startsAt, Instant streamAt) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(new Paragraph(t.text("live.mail.starting.body", a.event(), t.time(startsAt), t.time(streamAt)),
                publicUrl + "/live/watch?id=" + a.eventId()));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.starting.subject", a.event()), p);
    }

    public MailContent refunded(Applied a, long amount, long segments, long receivers) {
        List<Paragraph> p = new ArrayList<>();
        p.add(Paragraph.of(t.text("live.mail.hello", a.name())));
        p.add(Paragraph.of(t.text("live.mail.refund.body", t.yen(amount), a.event(), segments, receivers)));
        p.add(Paragraph.of(t.text("live.mail.signature")));
        return new MailContent(t.text("live.mail.refund.subject", t.yen(amount), a.event()), p);
    }
}
