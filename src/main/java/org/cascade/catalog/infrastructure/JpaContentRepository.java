package org.cascade.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.cascade.catalog.domain.ListQuery;
import org.cascade.catalog.domain.Rating;
import org.cascade.catalog.domain.SealedManifest;

@ApplicationScoped
public class JpaContentRepository implements ContentRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

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

    /**
     * The arranged list is three segments one after the other — sponsored contents, then those of
     * liked genres, then the rest — each in the chosen order; a page is cut across them. (JPQL
     * cannot order by a CASE over a collection parameter, and plain segments keep every query
     * simple enough for an index.)
     */
    @Override
    public List<Content> list(ListQuery q) {
        List<String> segments = new java.util.ArrayList<>();
        if (!q.sponsored().isEmpty()) {
            segments.add(" and c.id in :sponsored");
        }
        String notSponsored = q.sponsored().isEmpty() ? "" : " and c.id not in :sponsored";
        if (!q.liked().isEmpty()) {
            segments.add(notSponsored + " and c.genre in :liked");
            segments.add(notSponsored + " and c.genre not in :liked");
        } else {
            segments.add(notSponsored);
        }
        // Each order matches one of Content's indexes column for column (see its @Table).
        String order = " order by " + switch (q.sort()) {
            case POPULAR -> "c.receptions desc, c.listedAt desc";
            case RATING -> "c.ratingTenths desc, c.ratingCount desc, c.listedAt desc";
            case PRICE_LOW -> "c.unitCost asc, c.listedAt desc";
            case NEWEST -> "c.listedAt desc";
        } + ", c.id desc";
        List<Content> page = new java.util.ArrayList<>();
        long skip = (long) q.page() * q.pageSize();
        for (String segment : segments) {
            if (page.size() == q.pageSize()) {
                break;
            }
            if (skip > 0) {
                long inSegment = segmentQuery("select count(c) from Content c", segment, "", q, Long.class).getSingleResult();
                if (skip >= inSegment) {
                    skip -= inSegment;
                    continue;
                }
            }
            // Ids first: with no words to search, the index alone answers (no row is read);
            // then the page's few contents, mostly from the persistence cache.
            List<String> ids = segmentQuery("select c.id from Content c", segment, order, q, String.class)
                    .setFirstResult((int) skip).setMaxResults(q.pageSize() - page.size()).getResultList();
            ids.forEach(id -> find(id).ifPresent(page::add));
            skip = 0;
        }
        return page;
    }

    private <T> TypedQuery<T> segmentQuery(String select, String segment, String order, ListQuery q, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select);
        Map<String, Object> params = new HashMap<>();
        where(q, jpql, params);
        jpql.append(segment).append(order);
        if (segment.contains(":sponsored")) {
            params.put("sponsored", q.sponsored());
        }
        if (segment.contains(":liked")) {
            params.put("liked", q.liked());
        }
        TypedQuery<T> query = em.createQuery(jpql.toString(), type);
        params.forEach(query::setParameter);
        return query;
    }

    @Override
    public long count(ListQuery q) {
        StringBuilder jpql = new StringBuilder("select count(c) from Content c");
        Map<String, Object> params = new HashMap<>();
        where(q, jpql, params);
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static void where(ListQuery q, StringBuilder jpql, Map<String, Object> params) {
        jpql.append(" where c.status = :listed");
        params.put("listed", ContentStatus.LISTED);
        if (q.text() != null) {
            jpql.append(" and (lower(c.name) like :text or lower(c.summary) like :text or lower(c.writer.name) like :text)");
            params.put("text", "%" + q.text().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (q.genre() != null) {
            jpql.append(" and c.genre = :genre");
            params.put("genre", q.genre());
        }
        if (q.minPrice() != null) {
            jpql.append(" and c.unitCost >= :min");
            params.put("min", q.minPrice());
        }
        if (q.maxPrice() != null) {
            jpql.append(" and c.unitCost <= :max");
            params.put("max", q.maxPrice());
        }
    }

    @Override
    public List<Content> bestHits(Set<Genre> genres, int max) {
        String jpql = "select c from Content c where c.status = :listed"
                + (genres.isEmpty() ? "" : " and c.genre in :genres")
                + " order by c.receptions desc, c.ratingSum desc, c.listedAt desc";
        TypedQuery<Content> query = em.createQuery(jpql, Content.class).setParameter("listed", ContentStatus.LISTED);
        if (!genres.isEmpty()) {
            query.setParameter("genres", genres);
        }
        return query.setMaxResults(max).getResultList();
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
