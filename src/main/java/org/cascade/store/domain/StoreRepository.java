package org.cascade.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface StoreRepository {

    void add(Store store);

    Optional<Store> find(long id);

    Optional<Store> findByName(String name);

    List<Store> findAll();

    void add(CounterReceipt receipt);

    Optional<CounterReceipt> receipt(long id);

    Optional<CounterReceipt> receiptOfTransaction(long transactionId);

    List<CounterReceipt> receipts(long storeId, Instant from, Instant to);

    List<CounterReceipt> recentReceipts(long storeId, int max);
}
