package org.cascade.catalog.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small cache of things every top page shows but that change slowly (best hits, sponsored
 * contents, banners): each value is reused for a short while, then computed again.
 */
final class Freshness<K, V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;

    Freshness(Duration lifetime) {
        this.lifetime = lifetime;
    }

    V get(K key, Clock clock, Supplier<V> compute) {
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && now.isBefore(e.until())) {
            return e.value();
        }
        V value = compute.get();
        if (entries.size() > 1_000) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
        return value;
    }

    void clear() {
        entries.clear();
    }
}
