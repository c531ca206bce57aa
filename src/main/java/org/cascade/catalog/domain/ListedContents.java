package org.cascade.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listed contents as the contents list generating section arranges them for a user
 * (FIG. 13 S709–S711): the contents that match what was asked for, in three segments one after
 * the other — sponsored contents, then those of the user's liked genres, then the rest — each in
 * the chosen order; a page is cut across the segments.
 *
 * <p>Kept in memory: every top page arranges all the listed contents, and doing that in the
 * database meant scanning the contents table on every request. Each order is sorted once per
 * change and reused by every request until the next change. Safe for concurrent use.
 */
public final class ListedContents {

    /** One page of an arranged list: the contents' ids in order, and how many match in all. */
    public record Arranged(List<String> ids, long total) {
    }

    private static final Comparator<ListEntry> NEWEST = Comparator.comparing(ListEntry::listedAt).reversed()
            .thenComparing(Comparator.comparing(ListEntry::id).reversed());

    private static Comparator<ListEntry> order(ListSort sort) {
        return switch (sort) {
            case NEWEST -> NEWEST;
            case POPULAR -> Comparator.comparingLong(ListEntry::receptions).reversed().thenComparing(NEWEST);
            case RATING -> Comparator.comparingLong(ListEntry::ratingTenths).reversed()
                    .thenComparing(Comparator.comparingLong(ListEntry::ratingCount).reversed()).thenComparing(NEWEST);
            case PRICE_LOW -> Comparator.comparingLong(ListEntry::unitCost).thenComparing(NEWEST);
        };
    }

    /** The sorted orders of one generation of the entries, each computed when first asked for. */
    private record Orders(long generation, Map<ListSort, ListEntry[]> sorted) {
    }

    /** Every content seen, listed or not: an entry that is no longer listed keeps its revision. */
    private final Map<String, ListEntry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile Orders orders = new Orders(-1, Map.of());

    /** Takes a content's state, unless a newer revision of it is already here. */
    public void put(ListEntry entry) {
        ListEntry kept = entries.merge(entry.id(), entry, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
        if (kept == entry) {
            generation.incrementAndGet();
        }
    }

    public int size() {
        return (int) entries.values().stream().filter(ListEntry::listed).count();
    }

    /** The page the query asks for, and the number of listed contents that match it. */
    public Arranged arrange(ListQuery q) {
        String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
        long from = (long) q.page() * q.pageSize();
        long wanted = from + q.pageSize();
        // Per segment, its first `wanted` contents (no page needs more) and how many it holds.
        List<List<String>> segments = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] counts = new long[3];
        for (ListEntry e : sorted(q.sort())) {
            if (!e.matches(q, text)) {
                continue;
            }
            int segment = q.sponsored().contains(e.id()) ? 0 : q.liked().contains(e.genre()) ? 1 : 2;
            if (counts[segment]++ < wanted) {
                segments.get(segment).add(e.id());
            }
        }
        List<String> page = new ArrayList<>(q.pageSize());
        long skip = from;
        for (int s = 0; s < segments.size() && page.size() < q.pageSize(); s++) {
            if (skip >= counts[s]) {
                skip -= counts[s];
                continue;
            }
            List<String> segment = segments.get(s);
            for (int i = (int) skip; i < segment.size() && page.size() < q.pageSize(); i++) {
                page.add(segment.get(i));
            }
            skip = 0;
        }
        return new Arranged(page, counts[0] + counts[1] + counts[2]);
    }

    /** The spec's best hits: the most received listed contents (of the genres, when given), at most {@code max}. */
    public List<String> bestHits(Set<Genre> genres, int max) {
        List<String> hits = new ArrayList<>(max);
        for (ListEntry e : sorted(ListSort.POPULAR)) {
            if (hits.size() == max) {
                break;
            }
            if (genres.isEmpty() || genres.contains(e.genre())) {
                hits.add(e.id());
            }
        }
        return hits;
    }

    private ListEntry[] sorted(ListSort sort) {
        Orders current = orders;
        long now = generation.get();
        if (current.generation() != now) {
            current = new Orders(now, new ConcurrentHashMap<>());
            orders = current;
        }
        ListEntry[] done = current.sorted().get(sort);
        if (done == null) {
            // Entries read after the generation: a change landing meanwhile makes the next call sort again.
            done = entries.values().stream().filter(ListEntry::listed).sorted(order(sort)).toArray(ListEntry[]::new);
            current.sorted().put(sort, done);
        }
        return done;
    }
}
