package org.cascade.swarm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.cascade.swarm.domain.OriginSettings;
import org.cascade.swarm.domain.OriginSettingsRepository;

@ApplicationScoped
public class JpaOriginSettingsRepository implements OriginSettingsRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public Optional<OriginSettings> find() {
        return Optional.ofNullable(em.find(OriginSettings.class, OriginSettings.ID));
    }

    @Override
    public void add(OriginSettings settings) {
        em.persist(settings);
    }
}
