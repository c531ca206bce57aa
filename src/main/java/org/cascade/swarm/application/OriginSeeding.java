package org.cascade.swarm.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cascade.platform.application.AfterCompletion;
import org.cascade.swarm.domain.PieceSet;
import org.cascade.swarm.domain.TransferLinkRepository;

/**
 * How many times the origin was asked for each piece of a content: the origin seeds the swarm
 * with each piece once and leaves the rest to the terminals ({@link org.cascade.swarm.domain.PiecePlan}).
 * Counted in memory from the origin links of the database the first time a content is planned,
 * then as pieces are asked (once the asking transaction committed).
 */
@ApplicationScoped
public class OriginSeeding {

    @Inject
    TransferLinkRepository links;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A receiver says it holds a piece within about a second of storing it; a few seconds cover a slow one. */
    static final long JUST_NOW_NANOS = 5_000_000_000L;

    private final Map<String, int[]> counts = new ConcurrentHashMap<>();
    private final Map<String, long[]> askedAt = new ConcurrentHashMap<>();

    /** Per piece, how often the origin was asked for it (a copy). */
    public int[] counts(String contentId, int pieceCount) {
        int[] c = counts.computeIfAbsent(contentId, id -> {
            int[] fresh = new int[pieceCount];
            for (PieceSet asked : links.askedOfOrigin(id)) {
                if (asked.pieceCount() == pieceCount) {
                    asked.stream().forEach(i -> fresh[i]++);
                }
            }
            return fresh;
        });
        synchronized (c) {
            return c.length == pieceCount ? c.clone() : new int[pieceCount];
        }
    }

    /** Per piece, whether the origin was asked for it in the last few seconds (its receiver may not have said it holds it yet). */
    public boolean[] justNow(String contentId, int pieceCount) {
        boolean[] out = new boolean[pieceCount];
        long[] at = askedAt.get(contentId);
        if (at != null && at.length == pieceCount) {
            long now = System.nanoTime();
            synchronized (at) {
                for (int i = 0; i < pieceCount; i++) {
                    out[i] = at[i] != 0 && now - at[i] < JUST_NOW_NANOS;
                }
            }
        }
        return out;
    }

    /** The origin was just asked for these pieces. */
    public void asked(String contentId, PieceSet pieces) {
        transactions.registerInterposedSynchronization(AfterCompletion.ifCommitted(() -> {
            int[] c = counts.get(contentId);
            if (c != null && c.length == pieces.pieceCount()) {
                synchronized (c) {
                    pieces.stream().forEach(i -> c[i]++);
                }
            }
            long[] at = askedAt.computeIfAbsent(contentId, id -> new long[pieces.pieceCount()]);
            if (at.length == pieces.pieceCount()) {
                long now = System.nanoTime();
                synchronized (at) {
                    pieces.stream().forEach(i -> at[i] = now);
                }
            }
        }));
    }
}
