package org.cascade.live.domain;

import java.util.List;
import java.util.Objects;

/**
 * How a rank was computed, for the holder page: each factor's figure, the two thresholds it was
 * measured against and the points it got, the product of the points, and the rank.
 *
 * <p>The spec classifies "based on multiplications" of three factors. Each factor scores 1 point
 * below its middle threshold, 2 from the middle threshold, 3 from the high threshold; the three
 * points are multiplied (1 … 27). A product of 12 or more is {@link Rank#HIGH} (at least one high
 * factor and the two others middle), 6 … 9 is {@link Rank#MIDDLE} (all middle, or one high and one
 * middle, or two high with one low), 4 or less is {@link Rank#LOW} (at most one factor above low,
 * or two middle ones with a low one). Multiplying rather than adding means one weak factor pulls
 * the rank down: an artist nobody searches for is not in high demand because of one big concert.
 */
public record RankBreakdown(List<Score> scores, int product, Rank rank) {

    /** Products at or above this are high. */
    public static final int HIGH_FROM = 12;
    /** Products at or above this (and below {@link #HIGH_FROM}) are middle. */
    public static final int MIDDLE_FROM = 6;

    /** One factor: its name (a message key), its figure, its thresholds and the points it got. */
    public record Score(String factorKey, Figure figure, long middleFrom, long highFrom, int points) {

        public Score {
            Objects.requireNonNull(factorKey, "factorKey");
            Objects.requireNonNull(figure, "figure");
            if (middleFrom <= 0 || highFrom <= middleFrom) {
                throw new IllegalArgumentException("thresholds " + middleFrom + " / " + highFrom);
            }
            if (points != pointsFor(figure.value(), middleFrom, highFrom)) {
                throw new IllegalArgumentException(factorKey + ": " + points + " points for " + figure.value());
            }
        }

        /** Scores a figure against its thresholds. */
        public static Score of(String factorKey, Figure figure, long middleFrom, long highFrom) {
            return new Score(factorKey, figure, middleFrom, highFrom, pointsFor(figure.value(), middleFrom, highFrom));
        }

        static int pointsFor(long value, long middleFrom, long highFrom) {
            return value >= highFrom ? 3 : value >= middleFrom ? 2 : 1;
        }
    }

    public RankBreakdown {
        scores = List.copyOf(scores);
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no factors");
        }
        int p = scores.stream().mapToInt(Score::points).reduce(1, (a, b) -> a * b);
        if (p != product || rank != rankFor(product)) {
            throw new IllegalArgumentException("product " + product + " / rank " + rank + " do not follow from the scores");
        }
    }

    /** Multiplies the factors' points and classifies the product. */
    public static RankBreakdown of(List<Score> scores) {
        int p = scores.stream().mapToInt(Score::points).reduce(1, (a, b) -> a * b);
        return new RankBreakdown(scores, p, rankFor(p));
    }

    static Rank rankFor(int product) {
        return product >= HIGH_FROM ? Rank.HIGH : product >= MIDDLE_FROM ? Rank.MIDDLE : Rank.LOW;
    }
}
