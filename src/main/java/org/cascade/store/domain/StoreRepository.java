package org.cascade.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cascade.platform.domain.SearchPrefix;

public interface StoreRepository {

    void add(Store store);

    Optional<Store> find(long id);

    Optional<Store> findByName(String name);

    List<Store> findAll();

    /** Stores whose name begins with the prefix, in name order, at most {@code max}. */
    List<Store> findByNamePrefix(SearchPrefix prefix, int max);

    void add(CounterReceipt receipt);

    Optional<CounterReceipt> receipt(long id);

    Optional<CounterReceipt> receiptOfTransaction(long transactionId);

    List<CounterReceipt> receipts(long storeId, Instant from, Instant to);

    List<CounterReceipt> recentReceipts(long storeId, int max);
}
