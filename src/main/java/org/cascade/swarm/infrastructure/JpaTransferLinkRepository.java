package org.cascade.swarm.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cascade.swarm.domain.DistributorStrikes;
import org.cascade.swarm.domain.LinkPath;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.TransferLink;
import org.cascade.swarm.domain.TransferLinkRepository;

@ApplicationScoped
public class JpaTransferLinkRepository implements TransferLinkRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(TransferLink link) {
        em.persist(link);
    }

    @Override
    public Optional<TransferLink> find(String id) {
        return Optional.ofNullable(em.find(TransferLink.class, id));
    }

    @Override
    public Optional<TransferLink> lock(String id) {
        return Optional.ofNullable(em.find(TransferLink.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<TransferLink> open() {
        return em.createNamedQuery("TransferLink.findOpen", TransferLink.class).setMaxResults(500).getResultList();
    }

    @Override
    public List<TransferLink> openByTerminal(String terminalId) {
        return em.createNamedQuery("TransferLink.findOpenByTerminal", TransferLink.class).setParameter("terminal", terminalId)
                .getResultList();
    }

    @Override
    public List<TransferLink> openByReceiver(String serial, String contentId) {
        return em.createNamedQuery("TransferLink.findOpenByReceiverAndContent", TransferLink.class)
                .setParameter("receiver", serial).setParameter("content", contentId).getResultList();
    }

    @Override
    public List<TransferLink> openByDistributor(String serial, String contentId) {
        return em.createNamedQuery("TransferLink.findOpenByDistributorAndContent", TransferLink.class)
                .setParameter("distributor", serial).setParameter("content", contentId).getResultList();
    }

    @Override
    public List<TransferLink> recent(int max) {
        return em.createNamedQuery("TransferLink.findRecent", TransferLink.class).setMaxResults(max).getResultList();
    }

    @Override
    public List<PieceSet> originOutstanding(String contentId) {
        return em.createNamedQuery("TransferLink.openOfPathAndContent", Object[].class).setParameter("path", LinkPath.ORIGIN)
                .setParameter("content", contentId).getResultList().stream().map(r -> {
                    int n = (Integer) r[0];
                    PieceSet asked = PieceSet.fromBitfield(n, (String) (r[1] != null ? r[1] : r[2]));
                    return asked.minus(PieceSet.fromBitfield(n, (String) r[3]));
                }).toList();
    }

    @Override
    public Map<String, Long> openLinksByDistributorTerminal() {
        Map<String, Long> out = new java.util.HashMap<>();
        for (Object[] row : em.createNamedQuery("TransferLink.countOpenByDistributorTerminal", Object[].class).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<TransferLink> mismatched(int max) {
        return em.createNamedQuery("TransferLink.findMismatched", TransferLink.class).setMaxResults(max).getResultList();
    }

    @Override
    public Map<LinkPath, Long> openByPath() {
        Map<LinkPath, Long> out = new EnumMap<>(LinkPath.class);
        for (Object[] row : em.createNamedQuery("TransferLink.countOpenByPath", Object[].class).getResultList()) {
            out.put((LinkPath) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public Map<LinkPath, Long> bytesByPath() {
        Map<LinkPath, Long> out = new EnumMap<>(LinkPath.class);
        for (Object[] row : em.createNamedQuery("TransferLink.bytesByPath", Object[].class).getResultList()) {
            out.put((LinkPath) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<Delivery> deliveredBetween(java.time.Instant from, java.time.Instant to) {
        return em.createNamedQuery("TransferLink.findDeliveredBetween", Object[].class).setParameter("from", from)
                .setParameter("to", to).getResultList().stream()
                .map(r -> new Delivery((LinkPath) r[0], (java.time.Instant) r[1], ((Number) r[2]).longValue())).toList();
    }

    @Override
    public List<Earnings> earningsOf(String serial) {
        return em.createNamedQuery("TransferLink.earningsOf", Object[].class).setParameter("distributor", serial).getResultList()
                .stream().map(r -> new Earnings((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue())).toList();
    }

    @Override
    public Optional<DistributorStrikes> strikes(String serial, String contentId) {
        return Optional.ofNullable(em.find(DistributorStrikes.class, new DistributorStrikes.Key(serial, contentId)));
    }

    @Override
    public void add(DistributorStrikes strikes) {
        em.persist(strikes);
    }

    @Override
    public List<DistributorStrikes> cutOff(int max) {
        return em.createNamedQuery("DistributorStrikes.findCutOff", DistributorStrikes.class).setMaxResults(max).getResultList();
    }

    @Override
    public java.util.Set<String> cutOffSerials(String contentId) {
        return new java.util.HashSet<>(em.createNamedQuery("DistributorStrikes.findCutOffSerialsByContent", String.class)
                .setParameter("content", contentId).getResultList());
    }
}
