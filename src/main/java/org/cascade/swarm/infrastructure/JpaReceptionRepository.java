package org.cascade.swarm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cascade.swarm.domain.Reception;
import org.cascade.swarm.domain.ReceptionRepository;

@ApplicationScoped
public class JpaReceptionRepository implements ReceptionRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(Reception reception) {
        em.persist(reception);
        em.flush();
    }

    @Override
    public Optional<Reception> find(String receiver, String contentId) {
        return em.createNamedQuery("Reception.findByReceiverAndContent", Reception.class)
                .setParameter("receiver", receiver).setParameter("content", contentId).getResultStream().findFirst();
    }

    @Override
    public List<Reception> byReceiver(String receiver) {
        return em.createNamedQuery("Reception.findByReceiver", Reception.class).setParameter("receiver", receiver)
                .setMaxResults(500).getResultList();
    }
}
