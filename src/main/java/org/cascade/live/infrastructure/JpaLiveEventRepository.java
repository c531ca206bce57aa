package org.cascade.live.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;

@ApplicationScoped
public class JpaLiveEventRepository implements LiveEventRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(LiveEvent event) {
        em.persist(event);
        em.flush();
    }

    @Override
    public Optional<LiveEvent> find(String id) {
        return Optional.ofNullable(em.find(LiveEvent.class, id));
    }

    @Override
    public List<LiveEvent> byHolder(String holder) {
        return em.createNamedQuery("LiveEvent.findByHolder", LiveEvent.class).setParameter("holder", holder).getResultList();
    }
}
