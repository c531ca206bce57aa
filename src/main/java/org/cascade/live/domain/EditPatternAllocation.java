package org.cascade.live.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the distribution ability is shared between edit patterns (FIG. 20C, 21), for the holder to
 * see: the tally, which patterns were folded, and each kept pattern's applicants and terminals.
 *
 * <p>A designated pattern is kept when its applicants are at least the threshold's share of all
 * applicants ({@code count × 100 ≥ threshold × total}); the others are folded into
 * {@value EditPatterns#ENTIRETY}. The ability is then shared in the kept patterns' ratios by the
 * largest remainder: each gets {@code floor(ability × count / total)}, and the terminals left over
 * go one each to the largest remainders (ties: the sponsor's edit first, then more applicants,
 * then the name), so the shares always add up to the ability exactly. FIG. 21: 45 without
 * designation, 30 member A, 20 member B, 5 other, with a 10 % threshold: the other 5 fold into the
 * sponsor's edit, giving 50 %, 30 %, 20 %. Without applicants all ability goes to the sponsor's edit.
 */
public record EditPatternAllocation(Map<String, Long> tally, int foldBelowPercent, long ability, List<String> folded,
                                    List<Share> shares) {

    /** One kept pattern: its applicants after folding and the terminals it is given. */
    public record Share(String pattern, long applicants, long terminals) {
    }

    public EditPatternAllocation {
        tally = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tally));
        folded = List.copyOf(folded);
        shares = List.copyOf(shares);
        if (shares.stream().mapToLong(Share::terminals).sum() != ability) {
            throw new IllegalArgumentException("shares do not add up to the ability " + ability);
        }
    }

    public static EditPatternAllocation of(Map<String, Long> tally, int foldBelowPercent, long ability) {
        if (ability < 0 || foldBelowPercent < 0 || foldBelowPercent > 100) {
            throw new IllegalArgumentException("ability " + ability + ", threshold " + foldBelowPercent);
        }
        long total = tally.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> kept = new LinkedHashMap<>();
        kept.put(EditPatterns.ENTIRETY, tally.getOrDefault(EditPatterns.ENTIRETY, 0L));
        List<String> folded = new ArrayList<>();
        tally.forEach((pattern, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException(pattern + ": " + count);
            }
            if (pattern.equals(EditPatterns.ENTIRETY) || count == 0) {
                return;
            }
            if (count * 100 >= (long) foldBelowPercent * total) {
                kept.put(pattern, count);
            } else {
                folded.add(pattern);
                kept.merge(EditPatterns.ENTIRETY, count, Long::sum);
            }
        });
        if (total == 0) {
            return new EditPatternAllocation(tally, foldBelowPercent, ability, folded,
                    List.of(new Share(EditPatterns.ENTIRETY, 0, ability)));
        }
        record Part(String pattern, long count, long terminals, BigInteger remainder, int position) {
        }
        List<Part> parts = new ArrayList<>();
        BigInteger a = BigInteger.valueOf(ability);
        BigInteger t = BigInteger.valueOf(total);
        int position = 0;
        long given = 0;
        for (Map.Entry<String, Long> e : kept.entrySet()) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(t);
            parts.add(new Part(e.getKey(), e.getValue(), qr[0].longValueExact(), qr[1], position++));
            given += qr[0].longValueExact();
        }
        List<Part> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparing(Part::remainder).reversed()
                .thenComparing(p -> !p.pattern().equals(EditPatterns.ENTIRETY))
                .thenComparing(Comparator.comparingLong(Part::count).reversed())
                .thenComparing(Part::pattern));
        long[] extra = new long[parts.size()];
        for (int i = 0; i < ability - given; i++) {
            extra[byRemainder.get(i).position()]++;
        }
        List<Share> shares = new ArrayList<>();
        for (Part p : parts) {
            shares.add(new Share(p.pattern(), p.count(), p.terminals() + extra[p.position()]));
        }
        return new EditPatternAllocation(tally, foldBelowPercent, ability, folded, shares);
    }

    public long applicants() {
        return shares.stream().mapToLong(Share::applicants).sum();
    }

    public long terminalsFor(String pattern) {
        return shares.stream().filter(s -> s.pattern().equals(pattern)).mapToLong(Share::terminals).findFirst().orElse(0);
    }

    /** A kept pattern's share of the applicants in whole percent (rounded down), for the holder's page. */
    public long percentOf(String pattern) {
        long total = applicants();
        return total == 0 ? (pattern.equals(EditPatterns.ENTIRETY) ? 100 : 0)
                : shares.stream().filter(s -> s.pattern().equals(pattern)).mapToLong(s -> s.applicants() * 100 / total)
                        .findFirst().orElse(0);
    }
}
