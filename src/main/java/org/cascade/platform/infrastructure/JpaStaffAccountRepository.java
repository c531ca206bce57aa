package org.cascade.platform.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.platform.domain.StaffAccount;
import org.cascade.platform.domain.StaffAccountRepository;

@ApplicationScoped
public class JpaStaffAccountRepository implements StaffAccountRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return em.createNamedQuery("StaffAccount.findByUsername", StaffAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    @Override
    public List<StaffAccount> findAll() {
        return em.createNamedQuery("StaffAccount.findAll", StaffAccount.class).getResultList();
    }

    @Override
    public long countByRole(Role role) {
        return em.createNamedQuery("StaffAccount.countByRole", Long.class).setParameter("role", role).getSingleResult();
    }

    @Override
    public List<StaffAccount> findByRoleAndPrefix(Role role, SearchPrefix prefix, int max) {
        return em.createNamedQuery("StaffAccount.findByRoleAndPrefix", StaffAccount.class).setParameter("role", role)
                .setParameter("prefix", SearchPrefix.beginningWith(prefix.lowerCase())).setMaxResults(max).getResultList();
    }

    @Override
    public void add(StaffAccount account) {
        em.persist(account);
    }
}
