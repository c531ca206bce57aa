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
 * What the origin is sending of a content: the pieces its open links were asked for and have not
 * delivered yet (from the database), and those it was asked for moments ago (in this server's
 * memory: their receivers are about to say they hold them). See {@link org.cascade.swarm.domain.PiecePlan}.
 */
@ApplicationScoped
public class OriginSeeding {

    /** A receiver says it holds a piece within about a second of storing it; a few seconds cover a slow one. */
    static final long JUST_NOW_NANOS = 5_000_000_000L;

    @Inject
    TransferLinkRepository links;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, long[]> askedAt = new ConcurrentHashMap<>();

    /** Per piece, to how many receivers the origin is sending it now. */
    public int[] sending(String contentId, int pieceCount) {
        int[] out = new int[pieceCount];
        for (PieceSet outstanding : links.originOutstanding(contentId)) {
            if (outstanding.pieceCount() == pieceCount) {
                outstanding.stream().forEach(i -> out[i]++);
            }
        }
        return out;
    }

    /** Per piece, whether the origin was asked for it in the last few seconds. */
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

    /** The origin was just asked for these pieces (noted once the asking transaction committed). */
    public void asked(String contentId, PieceSet pieces) {
        transactions.registerInterposedSynchronization(AfterCompletion.ifCommitted(() -> {
            if (askedAt.size() > 10_000) {
                askedAt.clear(); // contents not sent for a while: nothing of them is recent
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
