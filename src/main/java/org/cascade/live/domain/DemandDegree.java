package org.cascade.live.domain;

import java.util.List;
import java.util.Objects;

/**
 * The degree of demand for an event (spec, before FIG. 22): from the artist's past performance
 * state, the download state of the artist's contents, and search interest. See
 * {@link RankBreakdown} for how the three points make the rank.
 *
 * <p>Thresholds (middle from / high from): past performance, spectators per past performance of
 * the artist, 1,000 / 10,000 (a hall, an arena); download state, downloads of the artist's
 * contents, 1,000 / 20,000; search interest, search hits for the artist, 100,000 / 1,000,000.
 */
public record DemandDegree(Figure pastSpectators, Figure downloads, Figure searchHits) {

    public static final long SPECTATORS_MIDDLE = 1_000;
    public static final long SPECTATORS_HIGH = 10_000;
    public static final long DOWNLOADS_MIDDLE = 1_000;
    public static final long DOWNLOADS_HIGH = 20_000;
    public static final long SEARCH_HITS_MIDDLE = 100_000;
    public static final long SEARCH_HITS_HIGH = 1_000_000;

    public DemandDegree {
        Objects.requireNonNull(pastSpectators, "pastSpectators");
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(searchHits, "searchHits");
    }

    public RankBreakdown breakdown() {
        return RankBreakdown.of(List.of(
                RankBreakdown.Score.of("live.factor.pastPerformance", pastSpectators, SPECTATORS_MIDDLE, SPECTATORS_HIGH),
                RankBreakdown.Score.of("live.factor.downloads", downloads, DOWNLOADS_MIDDLE, DOWNLOADS_HIGH),
                RankBreakdown.Score.of("live.factor.searchHits", searchHits, SEARCH_HITS_MIDDLE, SEARCH_HITS_HIGH)));
    }

    public Rank rank() {
        return breakdown().rank();
    }
}
