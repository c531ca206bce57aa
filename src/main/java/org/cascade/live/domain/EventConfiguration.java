package org.cascade.live.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.cascade.platform.domain.RuleViolation;

/**
 * A live event as its sponsor configures it on the holder terminal (FIG. 17A–D): the live
 * contents registration, the venue, the distribution information and the sponsor.
 */
public record EventConfiguration(Registration registration, Venue venue, DistributionInformation distribution,
                                 Sponsor sponsor) {

    public EventConfiguration {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(sponsor, "sponsor");
    }

    /** FIG. 17A: who performs, what, and when the event starts. */
    public record Registration(String artist, String title, Instant startsAt) {
        public Registration {
            artist = required(artist, "artist");
            title = required(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
        }
    }

    /** FIG. 17B: the venue; its cameras are what applicants may designate besides the sponsor's edit. */
    public record Venue(String name, int seatingCapacity, int cameras, String acoustics) {
        public Venue {
            name = required(name, "venue name");
            acoustics = acoustics == null ? "" : acoustics.strip();
            if (seatingCapacity < 0) {
                throw new RuleViolation("live.config.seats");
            }
            if (cameras < 1) {
                throw new RuleViolation("live.config.cameras");
            }
        }
    }

    /**
     * FIG. 17C: who distributes and on what. The server and link decide how many terminals the
     * center can send to itself: the primary ability is the smaller of the streams the server
     * sustains and the link's upstream divided by one stream's bit rate.
     */
    public record DistributionInformation(String provider, long serverStreams, long linkMbps, long streamKbps,
                                          int orders, long basePrice, int redistributorsPerTerminal,
                                          Duration redistributionInterval) {

        public static final int MAX_ORDERS = 10;

        public DistributionInformation {
            provider = required(provider, "provider");
            if (serverStreams < 1 || linkMbps < 1 || streamKbps < 1) {
                throw new RuleViolation("live.config.server");
            }
            if (orders < 1 || orders > MAX_ORDERS) {
                throw new RuleViolation("live.config.orders", MAX_ORDERS);
            }
            // the base terms validate price, redistributors and interval
            new LiveTerms(basePrice, redistributorsPerTerminal, redistributionInterval);
        }

        public long primaryAbility() {
            return Math.min(serverStreams, Math.multiplyExact(linkMbps, 1_000L) / streamKbps);
        }

        public LiveTerms baseTerms() {
            return new LiveTerms(basePrice, redistributorsPerTerminal, redistributionInterval);
        }
    }

    /** FIG. 17D: the sponsor, the holder account that runs the event. */
    public record Sponsor(String name, String holder, String contact) {
        public Sponsor {
            name = required(name, "sponsor name");
            holder = required(holder, "holder");
            contact = contact == null ? "" : contact.strip();
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }
}
