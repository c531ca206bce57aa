package org.cascade.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
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

    /** One page of an arranged list: its lines in order, and how many contents match in all. */
    public record Arranged(List<ListEntry> lines, long total) {
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

    /** One generation of the entries: each order, sorted when first asked for. */
    private record Orders(long generation, Map<ListSort, Sorted> sorted) {
    }

    /** The listed contents in one order, and how many of them each genre has. */
    private record Sorted(ListEntry[] entries, Map<Genre, Long> perGenre) {
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
        boolean filtered = text != null || q.genre() != null || q.minPrice() != null || q.maxPrice() != null;
        Set<Genre> liked = q.liked().isEmpty() ? EnumSet.noneOf(Genre.class) : EnumSet.copyOf(q.liked());
        Set<String> sponsored = q.sponsored();
        long from = (long) q.page() * q.pageSize();
        long wanted = from + q.pageSize();
        Sorted sorted = sorted(q.sort());
        ListEntry[] ordered = sorted.entries();
        // Per segment, its first `wanted` contents (no page needs more) and how many it holds.
        List<List<ListEntry>> segments = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] counts = filtered ? new long[3] : unfilteredCounts(sorted, liked, sponsored);
        for (ListEntry e : ordered) {
            if (!filtered && enough(segments, counts, wanted)) {
                break; // the counts are known: no need to look further than the page
            }
            if (filtered && !e.matches(q, text)) {
                continue;
            }
            int segment = !sponsored.isEmpty() && sponsored.contains(e.id()) ? 0 : liked.contains(e.genre()) ? 1 : 2;
            if (filtered) {
                counts[segment]++;
            }
            if (segments.get(segment).size() < wanted) {
                segments.get(segment).add(e);
            }
        }
        List<ListEntry> page = new ArrayList<>(q.pageSize());
        long skip = from;
        for (int s = 0; s < segments.size() && page.size() < q.pageSize(); s++) {
            if (skip >= counts[s]) {
                skip -= counts[s];
                continue;
            }
            List<ListEntry> segment = segments.get(s);
            for (int i = (int) skip; i < segment.size() && page.size() < q.pageSize(); i++) {
                page.add(segment.get(i));
            }
            skip = 0;
        }
        return new Arranged(page, counts[0] + counts[1] + counts[2]);
    }

    /** Segment sizes without a search: from the counts per genre, not by looking at every content. */
    private long[] unfilteredCounts(Sorted sorted, Set<Genre> liked, Set<String> sponsored) {
        long[] counts = new long[3];
        long sponsoredLiked = 0;
        for (String id : sponsored) {
            ListEntry e = entries.get(id);
            if (e != null && e.listed()) {
                counts[0]++;
                sponsoredLiked += liked.contains(e.genre()) ? 1 : 0;
            }
        }
        // (A sponsored content listed or withdrawn a moment ago may be counted here and not yet be in
        // the order, or the other way round, until the next change: the counts only stay non-negative.)
        counts[1] = Math.max(0, liked.stream().mapToLong(g -> sorted.perGenre().getOrDefault(g, 0L)).sum() - sponsoredLiked);
        counts[2] = Math.max(0, sorted.entries().length - counts[0] - counts[1]);
        return counts;
    }

    private static boolean enough(List<List<ListEntry>> segments, long[] counts, long wanted) {
        for (int s = 0; s < counts.length; s++) {
            if (segments.get(s).size() < Math.min(counts[s], wanted)) {
                return false;
            }
        }
        return true;
    }

    /** The spec's best hits: the most received listed contents (of the genres, when given), at most {@code max}. */
    public List<ListEntry> bestHits(Set<Genre> genres, int max) {
        List<ListEntry> hits = new ArrayList<>(max);
        for (ListEntry e : sorted(ListSort.POPULAR).entries()) {
            if (hits.size() == max) {
                break;
            }
            if (genres.isEmpty() || genres.contains(e.genre())) {
                hits.add(e);
            }
        }
        return hits;
    }

    private Sorted sorted(ListSort sort) {
        Orders current = orders;
        long now = generation.get();
        if (current.generation() != now) {
            current = new Orders(now, new ConcurrentHashMap<>());
            orders = current;
        }
        // Entries read after the generation: a change landing meanwhile makes the next call sort again.
        return current.sorted().computeIfAbsent(sort, s -> {
            ListEntry[] in = entries.values().stream().filter(ListEntry::listed).sorted(order(s)).toArray(ListEntry[]::new);
            Map<Genre, Long> perGenre = new EnumMap<>(Genre.class);
            for (ListEntry e : in) {
                perGenre.merge(e.genre(), 1L, Long::sum);
            }
            return new Sorted(in, perGenre);
        });
    }
}
