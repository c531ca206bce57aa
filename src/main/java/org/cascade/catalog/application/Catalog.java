package org.cascade.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Set;
import org.cascade.catalog.domain.Advertisement;
import org.cascade.catalog.domain.AdvertisementKind;
import org.cascade.catalog.domain.BoardPost;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.catalog.domain.DisplayConditions;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ListEntry;
import org.cascade.catalog.domain.ListQuery;
import org.cascade.catalog.domain.ListedContents;
import org.cascade.catalog.domain.ListSort;
import org.cascade.catalog.domain.Manifest;
import org.cascade.catalog.domain.ManifestSeal;
import org.cascade.catalog.domain.SealedManifest;
import org.cascade.catalog.infrastructure.ContentFiles;
import org.cascade.platform.application.Page;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.SearchPrefix;

/**
 * The contents list generating section (22): the list a user sees, arranged by their display
 * conditions, with what their balance can and cannot pay for; a content's page; the best hits;
 * the banners; and the signed manifest terminals fetch.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Catalog {

    @Inject
    ContentRepository contents;

    @Inject
    ManifestSeal seal;

    @Inject
    Clock clock;

    @Inject
    ContentFiles files;

    /** Manifests read for serving pieces, verified once: a 4 GiB content's manifest is a megabyte of JWS. */
    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    private static final int MANIFESTS_KEPT = 256;

    /** Advertising periods start and end by the day; a purchase clears these at once. */
    private final Freshness<AdvertisementKind, List<String>> advertised = new Freshness<>(java.time.Duration.ofSeconds(30));

    void onAdvertisingChanged(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) AdvertisingChanged changed) {
        advertised.clear();
    }

    private List<String> advertised(AdvertisementKind kind) {
        return advertised.get(kind, clock, () -> contents.active(kind, clock.instant()).stream()
                .map(Advertisement::contentId).distinct().toList());
    }

    /** One line of a user's list: the content, whether it is sponsored, and what the balance lacks (0 when affordable). */
    public record Line(ListEntry content, boolean sponsored, long shortfall) {

        public boolean affordable() {
            return shortfall == 0;
        }
    }

    public record Search(String text, Genre genre, Long minPrice, Long maxPrice, ListSort sort, Integer page) {
    }

    public Page<Line> listFor(@NotBlank String serial, long balance, @NotNull Search search) {
        return listFor(conditions(serial), balance, search);
    }

    /** The user's list, arranged by their display conditions and what they searched for. */
    public Page<Line> listFor(@NotNull DisplayConditions conditions, long balance, @NotNull Search search) {
        Set<String> sponsored = Set.copyOf(advertised(AdvertisementKind.PREFERRED_POSITION));
        ListQuery query = new ListQuery(search.text(), search.genre(), search.minPrice(), search.maxPrice(),
                search.sort() == null ? conditions.sort() : search.sort(), conditions.likedGenres(), sponsored,
                search.page() == null ? 0 : search.page(), conditions.pageSize());
        ListedContents.Arranged arranged = contents.arrange(query);
        List<Line> lines = arranged.lines().stream()
                .map(c -> new Line(c, sponsored.contains(c.id()), Math.max(0, c.unitCost() - balance))).toList();
        return new Page<>(lines, query.page(), query.pageSize(), arranged.total());
    }

    public DisplayConditions conditions(String serial) {
        return contents.conditions(serial).orElseGet(() -> new DisplayConditions(serial));
    }

    @Transactional
    public void changeConditions(@NotBlank String serial, @NotNull Set<Genre> liked, @NotNull ListSort sort, int pageSize) {
        DisplayConditions c = contents.conditions(serial).orElseGet(() -> {
            DisplayConditions fresh = new DisplayConditions(serial);
            contents.add(fresh);
            return fresh;
        });
        c.change(liked, sort, pageSize);
    }

    /** The spec's "best hit information": the most received contents of the user's liked genres (of all, without any). */
    public List<ListEntry> bestHits(@NotNull DisplayConditions conditions) {
        return contents.bestHits(conditions.likedGenres(), 3);
    }

    public List<Content> banners() {
        return advertised(AdvertisementKind.BANNER).stream()
                .map(id -> contents.find(id).orElse(null)).filter(c -> c != null && c.listed()).toList();
    }

    /** A listed content, as anyone signed in may see it. */
    public Content listed(@NotBlank String id) {
        return contents.find(id).filter(Content::listed).orElseThrow(() -> new NotFound("content.unknown", id));
    }

    /** A content as its holder (any status) or the operator sees it. */
    public Content forHolder(@NotBlank String id, String holder) {
        return contents.find(id).filter(c -> holder == null || c.holder().equals(holder))
                .orElseThrow(() -> new NotFound("content.unknown", id));
    }

    /** How many contents one page of the operator's search shows, and the last page it may ask for. */
    public static final int SEARCH_PAGE = 20;
    public static final int SEARCH_LAST_PAGE = 10_000;

    /** The operator's search: contents of any status whose name or id begins with the prefix, newest first, by pages. */
    public Page<Content> search(@NotNull SearchPrefix prefix, @Min(0) @Max(SEARCH_LAST_PAGE) int page) {
        long total = contents.countByNameOrIdPrefix(prefix);
        return new Page<>(contents.findByNameOrIdPrefix(prefix, page * SEARCH_PAGE, SEARCH_PAGE), page, SEARCH_PAGE, total);
    }

    public List<Content> byHolder(@NotBlank String holder) {
        return contents.byHolder(holder);
    }

    public List<BoardPost> board(@NotBlank String contentId, boolean withHidden) {
        return contents.board(contentId, withHidden, 100);
    }

    public int ratingBy(String contentId, String serial) {
        return contents.rating(contentId, serial).map(r -> r.stars()).orElse(0);
    }

    /**
     * Piece {@code index} of a listed content, as the center sends it itself (origin): read from
     * the content's file and checked against its signed manifest before it leaves.
     */
    public byte[] piece(@NotBlank String id, int index) {
        Manifest m = manifests.computeIfAbsent(id, k -> {
            if (manifests.size() >= MANIFESTS_KEPT) {
                manifests.clear();
            }
            return seal.read(sealedManifest(k)).orElseThrow(() -> new NotFound("content.unknown", k));
        });
        if (index < 0 || index >= m.pieceCount()) {
            throw new NotFound("content.unknown", id);
        }
        byte[] piece = new byte[m.pieceLength(index)];
        try (FileChannel in = FileChannel.open(files.path(id, ContentFiles.Kind.CONTENT), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(piece);
            long position = (long) index * m.pieceSize();
            while (buffer.hasRemaining()) {
                if (in.read(buffer, position + buffer.position()) < 0) {
                    throw new IllegalStateException("content file of " + id + " is shorter than its manifest");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!m.verifies(index, piece)) {
            throw new IllegalStateException("piece " + index + " of " + id + " no longer matches its manifest");
        }
        return piece;
    }

    /**
     * The signed manifest of a listed content, verified again before it leaves the center; one
     * stored before the center signed only with the low s leaves in that form.
     */
    public String sealedManifest(@NotBlank String id) {
        listed(id);
        String jws = contents.manifest(id).map(SealedManifest::jws).map(seal::restated)
                .orElseThrow(() -> new NotFound("content.unknown", id));
        Manifest m = seal.read(jws).orElseThrow(() -> new NotFound("content.unknown", id));
        if (!m.contentId().equals(id)) {
            throw new NotFound("content.unknown", id);
        }
        return jws;
    }
}
