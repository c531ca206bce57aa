package org.cascade.live.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A published draw for one distribution order: the commitment made before closing, the seed, the
 * entries drawn on, and each entry's place. Everything a verifier needs is in it.
 *
 * <p>The draw, exactly: each entry gets a priority tier — 1 when it both distributed this
 * artist's contents at least {@value #ARTIST_DISTRIBUTIONS_FOR_PRIORITY} times before and can
 * relay to at least the order's redistributors per terminal, 2 when only one of the two holds,
 * 3 otherwise (the spec's priority for terminals that distributed much of the artist or have a
 * high redistribution ability, so that upper orders are strong relays and the whole cascade is
 * shorter). Each entry's ticket is {@link LotterySeed#ticket} (hex SHA-256 of seed bytes ‖ UTF-8
 * id). Entries are placed by tier, then by ticket (hex compared as text, which is the unsigned
 * byte order), then by id; the first {@code ability} places win. Chance decides only within a
 * tier, and the order entries were submitted in changes nothing.
 */
public record LotteryResult(int order, long ability, int requiredRedistributors, String commitment, String seedHex,
                            List<LotteryEntry> entries, List<Place> places) {

    public static final long ARTIST_DISTRIBUTIONS_FOR_PRIORITY = 10;

    /** One entry's place: 1 is first; {@code won} for the first {@code ability} places. */
    public record Place(int place, String applicationId, int tier, String ticket, boolean won) {
    }

    public LotteryResult {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(seedHex, "seedHex");
        entries = List.copyOf(entries);
        places = List.copyOf(places);
        if (order < 1 || ability < 1 || requiredRedistributors < 0) {
            throw new IllegalArgumentException("order " + order + ", ability " + ability);
        }
    }

    /** Draws (or recomputes) the result of a seed over the entries. */
    public static LotteryResult draw(int order, long ability, int requiredRedistributors, LotterySeed seed,
                                     List<LotteryEntry> entries) {
        Set<String> ids = new HashSet<>();
        for (LotteryEntry e : entries) {
            if (!ids.add(e.applicationId())) {
                throw new IllegalArgumentException("application " + e.applicationId() + " entered twice");
            }
        }
        record Drawn(LotteryEntry entry, int tier, String ticket) {
        }
        List<Drawn> drawn = new ArrayList<>();
        for (LotteryEntry e : entries) {
            drawn.add(new Drawn(e, tier(e, requiredRedistributors), seed.ticket(e.applicationId())));
        }
        drawn.sort(Comparator.comparingInt(Drawn::tier).thenComparing(Drawn::ticket)
                .thenComparing(d -> d.entry().applicationId()));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Drawn d = drawn.get(i);
            places.add(new Place(i + 1, d.entry().applicationId(), d.tier(), d.ticket(), i < ability));
        }
        return new LotteryResult(order, ability, requiredRedistributors, seed.commitment(), seed.hex(), entries, places);
    }

    /** The priority tier of an entry: 1 (both facts), 2 (one), 3 (neither). */
    public static int tier(LotteryEntry e, int requiredRedistributors) {
        boolean artist = e.artistDistributions() >= ARTIST_DISTRIBUTIONS_FOR_PRIORITY;
        boolean relay = e.redistributionAbility() >= Math.max(1, requiredRedistributors);
        return artist && relay ? 1 : artist || relay ? 2 : 3;
    }

    /** True when the seed matches the commitment and recomputing the draw gives exactly these places. */
    public boolean verify() {
        LotterySeed seed;
        try {
            seed = LotterySeed.fromHex(seedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!seed.commitment().equals(commitment)) {
            return false;
        }
        try {
            return draw(order, ability, requiredRedistributors, seed, entries).places().equals(places);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What an auditor checks: the result is drawn on the commitment published before closing, on
     * exactly the applications the auditor knows (in any order), and recomputes to these places.
     */
    public boolean verify(String commitmentPublishedBeforeClosing, List<LotteryEntry> applications) {
        return commitment.equals(commitmentPublishedBeforeClosing)
                && applications.size() == entries.size()
                && new HashSet<>(applications).equals(new HashSet<>(entries))
                && verify();
    }

    public List<String> winners() {
        return places.stream().filter(Place::won).map(Place::applicationId).toList();
    }

    public List<String> losers() {
        return places.stream().filter(p -> !p.won()).map(Place::applicationId).toList();
    }
}
