package org.cascade.swarm.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.Map;
import org.cascade.catalog.domain.Manifest;
import org.cascade.swarm.domain.OriginSettings;
import org.cascade.swarm.domain.OriginSettingsRepository;
import org.cascade.swarm.domain.UploadAllowance;

/**
 * The center's distribution ability (DESIGN, Terminal channel): the origin sends pieces only
 * within the caps the operator set, in all and per content, and keeps count of what it sent over
 * the last seconds for the console. The caps live in the database; the allowances in this
 * server's memory.
 */
@ApplicationScoped
public class OriginAbility {

    /** The console's "center upload" is the mean over this many seconds. */
    static final int WINDOW_SECONDS = 10;

    @Inject
    OriginSettingsRepository repository;

    private UploadAllowance total;
    private long perContentRate;
    private final Map<String, UploadAllowance> perContent = new HashMap<>();
    private final long[] sentPerSecond = new long[WINDOW_SECONDS];
    private long lastSecond;

    /** The caps now in force, 0 meaning none. */
    public record Caps(long totalBytesPerSecond, long perContentBytesPerSecond) {
    }

    @Transactional
    public synchronized Caps caps() {
        loaded();
        return new Caps(total.bytesPerSecond(), perContentRate);
    }

    /** The operator changes the caps; they apply to the next piece. */
    @Transactional
    public synchronized Caps change(@Min(0) long totalBytesPerSecond, @Min(0) long perContentBytesPerSecond) {
        OriginSettings s = repository.find().orElseGet(() -> {
            OriginSettings fresh = new OriginSettings();
            repository.add(fresh);
            return fresh;
        });
        s.change(totalBytesPerSecond, perContentBytesPerSecond);
        use(s);
        return new Caps(total.bytesPerSecond(), perContentRate);
    }

    /**
     * A piece of {@code bytes} of a content may leave the origin now (0, and it is counted), or
     * after this many nanoseconds.
     */
    @Transactional
    public synchronized long admit(String contentId, long bytes) {
        loaded();
        long now = System.nanoTime();
        long wait = total.take(bytes, now);
        if (wait > 0) {
            return wait;
        }
        if (perContentRate > 0) {
            if (perContent.size() > 10_000) {
                perContent.clear(); // contents not sent for a while start afresh
            }
            wait = perContent.computeIfAbsent(contentId, id -> new UploadAllowance(perContentRate, Manifest.DEFAULT_PIECE_SIZE, now))
                    .take(bytes, now);
            if (wait > 0) {
                total.giveBack(bytes);
                return wait;
            }
        }
        count(bytes, now);
        return 0;
    }

    /** What the origin sent per second, on average over the last {@value #WINDOW_SECONDS} seconds. */
    public synchronized long uploadBytesPerSecond() {
        count(0, System.nanoTime());
        long sum = 0;
        for (long b : sentPerSecond) {
            sum += b;
        }
        return sum / WINDOW_SECONDS;
    }

    private void count(long bytes, long nowNanos) {
        long second = nowNanos / 1_000_000_000L;
        if (lastSecond == 0) {
            lastSecond = second;
        }
        for (long s = lastSecond + 1; s <= second && s <= lastSecond + WINDOW_SECONDS; s++) {
            sentPerSecond[(int) (s % WINDOW_SECONDS)] = 0;
        }
        lastSecond = Math.max(lastSecond, second);
        sentPerSecond[(int) (second % WINDOW_SECONDS)] += bytes;
    }

    private void loaded() {
        if (total == null) {
            use(repository.find().orElseGet(OriginSettings::new));
        }
    }

    private void use(OriginSettings s) {
        long now = System.nanoTime();
        total = new UploadAllowance(s.totalBytesPerSecond(), Manifest.DEFAULT_PIECE_SIZE, now);
        perContentRate = s.perContentBytesPerSecond();
        perContent.clear();
    }
}
