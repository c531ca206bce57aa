package org.cascade.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.platform.domain.SearchPrefix;

public interface ContentRepository {

    void add(Content content);

    Optional<Content> find(String id);

    void add(SealedManifest manifest);

    Optional<SealedManifest> manifest(String contentId);

    Optional<Content> findByName(String name);

    List<Content> byHolder(String holder);

    List<Content> processing();

    /** Contents of any status whose name or id begins with the prefix, newest first: {@code max} from {@code offset}. */
    List<Content> findByNameOrIdPrefix(SearchPrefix prefix, int offset, int max);

    long countByNameOrIdPrefix(SearchPrefix prefix);

    /** The listed contents matching the query, arranged as it says: one page of lines, and the total. */
    ListedContents.Arranged arrange(ListQuery query);

    /** The best hits: the most received listed contents (of the genres, when given). */
    List<ListEntry> bestHits(java.util.Set<Genre> genres, int max);

    Optional<Rating> rating(String contentId, String serial);

    void add(Rating rating);

    void add(BoardPost post);

    Optional<BoardPost> post(long id);

    List<BoardPost> board(String contentId, boolean withHidden, int max);

    Optional<DisplayConditions> conditions(String serial);

    void add(DisplayConditions conditions);

    void add(Advertisement advertisement);

    List<Advertisement> active(AdvertisementKind kind, Instant now);

    List<Advertisement> advertisementsOf(String holder);
}
