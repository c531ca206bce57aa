package org.cascade.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cascade.catalog.domain.Advertisement;
import org.cascade.catalog.domain.AdvertisementKind;
import org.cascade.catalog.domain.BoardPost;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.catalog.domain.ContentStatus;
import org.cascade.catalog.domain.DisplayConditions;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ListEntry;
import org.cascade.catalog.domain.ListQuery;
import org.cascade.catalog.domain.ListedContents;
import org.cascade.catalog.domain.Rating;
import org.cascade.catalog.domain.SealedManifest;
import org.cascade.platform.domain.SearchPrefix;

@ApplicationScoped
public class JpaContentRepository implements ContentRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Inject
    ListedContentsMirror listed;

    @Override
    public void add(Content content) {
        em.persist(content);
        em.flush();
    }

    @Override
    public Optional<Content> find(String id) {
        return Optional.ofNullable(em.find(Content.class, id));
    }

    @Override
    public void add(SealedManifest manifest) {
        em.persist(manifest);
    }

    @Override
    public Optional<SealedManifest> manifest(String contentId) {
        return Optional.ofNullable(em.find(SealedManifest.class, contentId));
    }

    @Override
    public Optional<Content> findByName(String name) {
        return em.createNamedQuery("Content.findByNameKey", Content.class).setParameter("key", Content.nameKey(name))
                .getResultStream().findFirst();
    }

    @Override
    public List<Content> byHolder(String holder) {
        return em.createNamedQuery("Content.findByHolder", Content.class).setParameter("holder", holder).getResultList();
    }

    @Override
    public List<Content> processing() {
        return em.createNamedQuery("Content.findByStatus", Content.class).setParameter("status", ContentStatus.PROCESSING).getResultList();
    }

    @Override
    public List<Content> findByNameOrIdPrefix(SearchPrefix prefix, int offset, int max) {
        return prefixed(em.createNamedQuery("Content.findByNameOrIdPrefix", Content.class), prefix)
                .setFirstResult(offset).setMaxResults(max).getResultList();
    }

    @Override
    public long countByNameOrIdPrefix(SearchPrefix prefix) {
        return prefixed(em.createNamedQuery("Content.countByNameOrIdPrefix", Long.class), prefix).getSingleResult();
    }

    /** Names are matched as their folded key (case and spacing), ids as they are written (upper case). */
    private static <T> jakarta.persistence.TypedQuery<T> prefixed(jakarta.persistence.TypedQuery<T> query, SearchPrefix prefix) {
        return query.setParameter("name", SearchPrefix.beginningWith(prefix.isEmpty() ? "" : Content.nameKey(prefix.text())))
                .setParameter("id", SearchPrefix.beginningWith(prefix.upperCase()));
    }

    @Override
    public ListedContents.Arranged arrange(ListQuery query) {
        return listed.current().arrange(query);
    }

    @Override
    public List<ListEntry> bestHits(Set<Genre> genres, int max) {
        return listed.current().bestHits(genres, max);
    }

    @Override
    public Optional<Rating> rating(String contentId, String serial) {
        return em.createNamedQuery("Rating.findByContentAndSerial", Rating.class)
                .setParameter("content", contentId).setParameter("serial", serial).getResultStream().findFirst();
    }

    @Override
    public void add(Rating rating) {
        em.persist(rating);
        em.flush();
    }

    @Override
    public void add(BoardPost post) {
        em.persist(post);
    }

    @Override
    public Optional<BoardPost> post(long id) {
        return Optional.ofNullable(em.find(BoardPost.class, id));
    }

    @Override
    public List<BoardPost> board(String contentId, boolean withHidden, int max) {
        return em.createNamedQuery(withHidden ? "BoardPost.findByContent" : "BoardPost.findVisibleByContent", BoardPost.class)
                .setParameter("content", contentId).setMaxResults(max).getResultList();
    }

    @Override
    public Optional<DisplayConditions> conditions(String serial) {
        return Optional.ofNullable(em.find(DisplayConditions.class, serial));
    }

    @Override
    public void add(DisplayConditions conditions) {
        em.persist(conditions);
    }

    @Override
    public void add(Advertisement advertisement) {
        em.persist(advertisement);
        em.flush();
    }

    @Override
    public List<Advertisement> active(AdvertisementKind kind, Instant now) {
        return em.createNamedQuery("Advertisement.findActive", Advertisement.class)
                .setParameter("kind", kind).setParameter("now", now).getResultList();
    }

    @Override
    public List<Advertisement> advertisementsOf(String holder) {
        return em.createNamedQuery("Advertisement.findByHolder", Advertisement.class).setParameter("holder", holder).getResultList();
    }
}
