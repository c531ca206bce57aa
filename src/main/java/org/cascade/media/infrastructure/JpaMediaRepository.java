package org.cascade.media.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cascade.media.domain.MediaHandover;
import org.cascade.media.domain.MediaRepository;
import org.cascade.media.domain.RollbackAttempt;
import org.cascade.media.domain.StorageMedia;

@ApplicationScoped
public class JpaMediaRepository implements MediaRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(StorageMedia media) {
        em.persist(media);
        em.flush();
    }

    @Override
    public Optional<StorageMedia> find(String serial) {
        return Optional.ofNullable(em.find(StorageMedia.class, serial));
    }

    @Override
    public Optional<StorageMedia> findByAccount(long accountId) {
        return em.createNamedQuery("StorageMedia.findByAccount", StorageMedia.class)
                .setParameter("account", accountId).getResultStream().findFirst();
    }

    @Override
    public List<StorageMedia> search(String serialPrefix, int max) {
        return em.createNamedQuery("StorageMedia.search", StorageMedia.class)
                .setParameter("serial", serialPrefix.replace("%", "").replace("_", "") + "%")
                .setMaxResults(max).getResultList();
    }

    @Override
    public void add(MediaHandover handover) {
        em.persist(handover);
        em.flush();
    }

    @Override
    public Optional<MediaHandover> handoverByCodeHash(String codeHash) {
        return em.createNamedQuery("MediaHandover.findByCodeHash", MediaHandover.class)
                .setParameter("hash", codeHash).getResultStream().findFirst();
    }

    @Override
    public Optional<MediaHandover> handover(long id) {
        return Optional.ofNullable(em.find(MediaHandover.class, id));
    }

    @Override
    public void add(RollbackAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public List<RollbackAttempt> recentRollbackAttempts(int max) {
        return em.createNamedQuery("RollbackAttempt.findRecent", RollbackAttempt.class).setMaxResults(max).getResultList();
    }
}
