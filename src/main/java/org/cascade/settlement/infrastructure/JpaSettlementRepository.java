package org.cascade.settlement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cascade.settlement.domain.Payment;
import org.cascade.settlement.domain.SettlementRepository;
import org.cascade.settlement.domain.SettlementRun;

@ApplicationScoped
public class JpaSettlementRepository implements SettlementRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(SettlementRun run) {
        em.persist(run);
        // The unique day is checked here: a second run of the period fails inside the use case.
        em.flush();
    }

    @Override
    public Optional<SettlementRun> find(long id) {
        return Optional.ofNullable(em.find(SettlementRun.class, id));
    }

    @Override
    public Optional<SettlementRun> byDay(LocalDate day) {
        return em.createNamedQuery("SettlementRun.findByDay", SettlementRun.class).setParameter("day", day)
                .getResultStream().findFirst();
    }

    @Override
    public List<SettlementRun> recent(int max) {
        return em.createNamedQuery("SettlementRun.findRecent", SettlementRun.class).setMaxResults(max).getResultList();
    }

    @Override
    public Optional<Payment> payment(String id) {
        // Locked: two acknowledgements of one payment are applied one after the other.
        return Optional.ofNullable(em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Payment> paymentsTo(String payee, int max) {
        return em.createNamedQuery("Payment.findByPayee", Payment.class).setParameter("payee", payee).setMaxResults(max)
                .getResultList();
    }
}
