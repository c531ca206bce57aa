package org.cascade.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * For in-container tests that change a row behind the application's back (a tampered record):
 * one SQL update in its own transaction, then the shared cache emptied so that the application
 * reads what the database now holds.
 */
@ApplicationScoped
public class Database {

    @PersistenceContext(unitName = "cascade")
    EntityManager em;

    @Transactional
    public int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        int changed = query.executeUpdate();
        em.getEntityManagerFactory().getCache().evictAll();
        return changed;
    }
}
