package org.cascade.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.catalog.domain.Upload;
import org.cascade.catalog.domain.UploadRepository;

@ApplicationScoped
public class JpaUploadRepository implements UploadRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(Upload upload) {
        em.persist(upload);
        em.flush();
    }

    @Override
    public Optional<Upload> find(String id) {
        return Optional.ofNullable(em.find(Upload.class, id));
    }

    @Override
    public void remove(Upload upload) {
        em.remove(em.contains(upload) ? upload : em.merge(upload));
        em.flush();
    }

    @Override
    public List<String> expiredIds(Instant now) {
        return em.createNamedQuery("Upload.findIdsByExpiresAtBefore", String.class).setParameter("now", now).getResultList();
    }
}
