package org.cascade.live.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.live.domain.LiveApplication;
import org.cascade.live.domain.LiveDraw;
import org.cascade.live.domain.LiveEvent;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.live.domain.LivePriceRevision;
import org.cascade.live.domain.LiveRefusal;
import org.cascade.live.domain.LiveSegment;
import org.cascade.live.domain.RelayReport;

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
    public Optional<LiveEvent> lock(String id) {
        return Optional.ofNullable(em.find(LiveEvent.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<LiveEvent> byHolder(String holder) {
        return em.createNamedQuery("LiveEvent.findByHolder", LiveEvent.class).setParameter("holder", holder).getResultList();
    }

    @Override
    public List<LiveEvent> openBefore(Instant now) {
        return em.createNamedQuery("LiveEvent.findOpenBefore", LiveEvent.class).setParameter("now", now).getResultList();
    }

    @Override
    public long spectatorsPerPastEvent(String holder, Instant now) {
        long events = ((Number) em.createNamedQuery("LiveEvent.countStartedByHolder").setParameter("holder", holder)
                .setParameter("now", now).getSingleResult()).longValue();
        if (events == 0) {
            return 0;
        }
        long spectators = ((Number) em.createNamedQuery("LiveApplication.countChargedOfStartedEventsByHolder")
                .setParameter("holder", holder).setParameter("now", now).getSingleResult()).longValue();
        return spectators / events;
    }

    @Override
    public void add(LiveApplication application) {
        em.persist(application);
        // the unique key refuses a twin application here, inside the use case, not at commit
        em.flush();
    }

    @Override
    public List<LiveApplication> applications(String eventId) {
        return em.createNamedQuery("LiveApplication.findByEvent", LiveApplication.class).setParameter("event", eventId)
                .getResultList();
    }

    @Override
    public List<LiveApplication> applicationsOf(String applicant) {
        return em.createNamedQuery("LiveApplication.findByApplicant", LiveApplication.class)
                .setParameter("applicant", applicant).getResultList();
    }

    @Override
    public void add(LiveDraw draw) {
        em.persist(draw);
        em.flush();
    }

    @Override
    public List<LiveDraw> draws(String eventId) {
        return em.createNamedQuery("LiveDraw.findByEvent", LiveDraw.class).setParameter("event", eventId).getResultList();
    }

    @Override
    public void add(LivePriceRevision revision) {
        em.persist(revision);
        em.flush();
    }

    @Override
    public List<LivePriceRevision> revisions(String eventId) {
        return em.createNamedQuery("LivePriceRevision.findByEvent", LivePriceRevision.class).setParameter("event", eventId)
                .getResultList();
    }

    @Override
    public void add(LiveSegment segment) {
        em.persist(segment);
        // a twin publication of the same segment meets the unique key here, inside the use case
        em.flush();
    }

    @Override
    public Optional<LiveSegment> lastSegment(String eventId, String pattern) {
        return em.createNamedQuery("LiveSegment.findLast", LiveSegment.class).setParameter("event", eventId)
                .setParameter("pattern", pattern).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<LiveSegment> segmentsAfter(String eventId, String pattern, long after, int max) {
        return em.createNamedQuery("LiveSegment.findAfter", LiveSegment.class).setParameter("event", eventId)
                .setParameter("pattern", pattern).setParameter("after", after).setMaxResults(max).getResultList();
    }

    @Override
    public void add(LiveRefusal refusal) {
        em.persist(refusal);
    }

    @Override
    public List<LiveRefusal> refusals(String eventId, int max) {
        return em.createNamedQuery("LiveRefusal.findByEvent", LiveRefusal.class).setParameter("event", eventId)
                .setMaxResults(max).getResultList();
    }

    @Override
    public long segmentsPublished(String eventId) {
        Long last = em.createQuery("select max(s.seq) from LiveSegment s where s.eventId = :event", Long.class)
                .setParameter("event", eventId).getSingleResult();
        return last == null ? 0 : last + 1;
    }

    @Override
    public Optional<RelayReport> relayReport(String id) {
        return Optional.ofNullable(em.find(RelayReport.class, id));
    }

    @Override
    public void add(RelayReport report) {
        em.persist(report);
    }

    @Override
    public List<RelayReport> relayReports(String eventId) {
        return em.createNamedQuery("RelayReport.findByEvent", RelayReport.class).setParameter("event", eventId).getResultList();
    }
}
