package org.cascade.live.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The refund a terminal that allowed redistribution earns, credited after the event (FIG. 18:
 * "the amount of money is decided by the number of redistributions"): {@code yenPerSegment} for
 * each segment of the event relayed to each receiving terminal, counting per receiver at most the
 * event's segments (a receiver reported twice is merged), and never more in all than the terminal
 * paid — it is a refund of the price, not a wage. Only segments the receiver verified should be
 * passed in; the posting happens in the ledger.
 */
public record RedistributionRefund(long yenPerSegment, long segmentsInEvent) {

    /** Segments one receiving terminal got from the redistributor. */
    public record Relay(String receiver, long segments) {
        public Relay {
            if (receiver == null || receiver.isBlank() || segments < 0) {
                throw new IllegalArgumentException("relay to " + receiver + ": " + segments);
            }
        }
    }

    /** What a redistributor is refunded: the segments counted, the amount, and whether the price capped it. */
    public record Refund(long receivers, long segments, long amount, boolean capped) {
    }

    public RedistributionRefund {
        if (yenPerSegment < 0 || segmentsInEvent < 1) {
            throw new IllegalArgumentException(yenPerSegment + " yen per segment of " + segmentsInEvent);
        }
    }

    public Refund of(List<Relay> relays, long pricePaid, boolean redistributionAllowed) {
        if (pricePaid < 0) {
            throw new IllegalArgumentException("price paid " + pricePaid);
        }
        if (!redistributionAllowed) {
            return new Refund(0, 0, 0, false);
        }
        Map<String, Long> perReceiver = new HashMap<>();
        for (Relay r : relays) {
            perReceiver.merge(r.receiver(), r.segments(), (x, y) -> Math.min(segmentsInEvent, x + y));
        }
        long segments = perReceiver.values().stream().mapToLong(s -> Math.min(segmentsInEvent, s)).sum();
        long earned = Math.multiplyExact(segments, yenPerSegment);
        return new Refund(perReceiver.size(), segments, Math.min(earned, pricePaid), earned > pricePaid);
    }
}
