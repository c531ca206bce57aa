package org.cascade.live.domain;

import java.util.List;
import java.util.Objects;

/**
 * The degree of distribution, the strength of the server and link that send the event (spec,
 * before FIG. 22): from server performance, link and speed. See {@link RankBreakdown} for how
 * the three points make the rank.
 *
 * <p>Thresholds (middle from / high from): server performance, streams the distribution server
 * sustains at once, 200 / 2,000; link, the link's upstream in Mbit/s, 100 / 1,000; speed, what
 * one terminal can be sent at in kbit/s, 2,000 / 6,000 (a standard and a full-HD stream).
 */
public record DistributionDegree(Figure serverStreams, Figure linkMbps, Figure speedKbps) {

    public static final long STREAMS_MIDDLE = 200;
    public static final long STREAMS_HIGH = 2_000;
    public static final long LINK_MIDDLE = 100;
    public static final long LINK_HIGH = 1_000;
    public static final long SPEED_MIDDLE = 2_000;
    public static final long SPEED_HIGH = 6_000;

    public DistributionDegree {
        Objects.requireNonNull(serverStreams, "serverStreams");
        Objects.requireNonNull(linkMbps, "linkMbps");
        Objects.requireNonNull(speedKbps, "speedKbps");
    }

    public RankBreakdown breakdown() {
        return RankBreakdown.of(List.of(
                RankBreakdown.Score.of("live.factor.serverPerformance", serverStreams, STREAMS_MIDDLE, STREAMS_HIGH),
                RankBreakdown.Score.of("live.factor.link", linkMbps, LINK_MIDDLE, LINK_HIGH),
                RankBreakdown.Score.of("live.factor.speed", speedKbps, SPEED_MIDDLE, SPEED_HIGH)));
    }

    public Rank rank() {
        return breakdown().rank();
    }
}
