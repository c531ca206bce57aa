package org.cascade.mail.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.mail.domain.MailPreference;
import org.cascade.mail.domain.Outbox;
import org.cascade.mail.domain.OutgoingMail;

@ApplicationScoped
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public boolean add(OutgoingMail mail) {
        // the key is the primary key: a second mail of one key is never kept. Looked up first, so the
        // caller's transaction is not spoilt by a failed insert; two racing callers both lock their
        // event first, so they do not race here.
        if (em.find(OutgoingMail.class, mail.idempotencyKey()) != null) {
            return false;
        }
        em.persist(mail);
        return true;
    }

    @Override
    public Optional<OutgoingMail> find(String idempotencyKey) {
        return Optional.ofNullable(em.find(OutgoingMail.class, idempotencyKey));
    }

    @Override
    public List<OutgoingMail> due(Instant now, int limit) {
        return em.createNamedQuery("OutgoingMail.due", OutgoingMail.class).setParameter("pending", OutgoingMail.State.PENDING)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<OutgoingMail> troubled(int attempts, int limit) {
        return em.createNamedQuery("OutgoingMail.troubled", OutgoingMail.class).setParameter("failed", OutgoingMail.State.FAILED)
                .setParameter("pending", OutgoingMail.State.PENDING).setParameter("attempts", attempts).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutgoingMail> to(String recipient) {
        return em.createNamedQuery("OutgoingMail.to", OutgoingMail.class).setParameter("recipient", recipient).getResultList();
    }

    @Override
    public Optional<MailPreference> preference(String username) {
        return Optional.ofNullable(em.find(MailPreference.class, username));
    }

    @Override
    public void keep(MailPreference preference) {
        em.persist(preference);
    }
}
