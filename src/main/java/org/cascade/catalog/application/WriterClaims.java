package org.cascade.catalog.application;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per upload at a time in this server: two chunks racing for the same offset must not
 * interleave in the file, nor a chunk land in the file of an upload being removed. The loser
 * waits a little and then finds the offset moved; the database alone cannot serialise them,
 * since a chunk streams to disk outside any transaction.
 */
final class WriterClaims {

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Held until closed. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** The upload's claim, waiting at most {@code wait}; empty when another writer still holds it. */
    Optional<Claim> take(String id, Duration wait) {
        while (true) {
            ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
            try {
                if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (locks.get(id) == lock) {
                return Optional.of(() -> release(id, lock));
            }
            // The previous holder dropped this lock from the map as we queued for it: take the current one.
            lock.unlock();
        }
    }

    private void release(String id, ReentrantLock lock) {
        if (!lock.hasQueuedThreads()) {
            locks.remove(id, lock);
        }
        lock.unlock();
    }
}
