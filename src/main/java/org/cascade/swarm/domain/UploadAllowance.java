package org.cascade.swarm.domain;

/**
 * An upload rate the center keeps to (the spec's "distribution ability"): a token bucket of
 * {@code bytesPerSecond}, holding at most one second's worth, or one piece when a piece is more.
 * A piece goes when the bucket is not in debt; it may take the bucket into debt, which later pieces
 * wait out, so that over any long stretch no more than the rate leaves. A rate of 0 is no cap.
 * Not thread-safe: its owner serialises the calls.
 */
public final class UploadAllowance {

    private final long bytesPerSecond;
    private final long capacity;
    private double tokens;
    private long at;

    public UploadAllowance(long bytesPerSecond, int pieceSize, long nowNanos) {
        if (bytesPerSecond < 0 || pieceSize <= 0) {
            throw new IllegalArgumentException("rate " + bytesPerSecond + ", piece " + pieceSize);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.capacity = Math.max(bytesPerSecond, pieceSize);
        this.tokens = capacity;
        this.at = nowNanos;
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Nanoseconds to wait before {@code bytes} may go; 0 when they may go now (and they are counted). */
    public long take(long bytes, long nowNanos) {
        if (bytesPerSecond == 0) {
            return 0;
        }
        refill(nowNanos);
        if (tokens < 0) {
            return (long) Math.ceil(-tokens * 1e9 / bytesPerSecond);
        }
        tokens -= bytes;
        return 0;
    }

    /** Gives back what a piece took when another cap refused it after all. */
    public void giveBack(long bytes) {
        if (bytesPerSecond > 0) {
            tokens = Math.min(capacity, tokens + bytes);
        }
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - at) * (double) bytesPerSecond / 1e9);
        at = nowNanos;
    }
}
