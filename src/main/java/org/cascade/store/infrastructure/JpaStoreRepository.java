package org.cascade.store.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.store.domain.CounterReceipt;
import org.cascade.store.domain.Store;
import org.cascade.store.domain.StoreRepository;

@ApplicationScoped
public class JpaStoreRepository implements StoreRepository {

    @PersistenceContext(unitName = "cascade")
    private EntityManager em;

    @Override
    public void add(Store store) {
        em.persist(store);
        em.flush();
    }

    @Override
    public Optional<Store> find(long id) {
        return Optional.ofNullable(em.find(Store.class, id));
    }

    @Override
    public Optional<Store> findByName(String name) {
        return em.createNamedQuery("Store.findByName", Store.class).setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public List<Store> findAll() {
        return em.createNamedQuery("Store.findAll", Store.class).getResultList();
    }

    @Override
    public List<Store> findByNamePrefix(SearchPrefix prefix, int max) {
        return em.createNamedQuery("Store.findByNamePrefix", Store.class)
                .setParameter("prefix", SearchPrefix.beginningWith(prefix.lowerCase())).setMaxResults(max).getResultList();
    }

    @Override
    public void add(CounterReceipt receipt) {
        em.persist(receipt);
        em.flush();
    }

    @Override
    public Optional<CounterReceipt> receipt(long id) {
        return Optional.ofNullable(em.find(CounterReceipt.class, id));
    }

    @Override
    public Optional<CounterReceipt> receiptOfTransaction(long transactionId) {
        return em.createNamedQuery("CounterReceipt.findByTransaction", CounterReceipt.class)
                .setParameter("tx", transactionId).getResultStream().findFirst();
    }

    @Override
    public List<CounterReceipt> receipts(long storeId, Instant from, Instant to) {
        return em.createNamedQuery("CounterReceipt.findByStoreBetween", CounterReceipt.class)
                .setParameter("store", storeId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public List<CounterReceipt> recentReceipts(long storeId, int max) {
        return em.createNamedQuery("CounterReceipt.findRecentByStore", CounterReceipt.class)
                .setParameter("store", storeId).setMaxResults(max).getResultList();
    }
}
