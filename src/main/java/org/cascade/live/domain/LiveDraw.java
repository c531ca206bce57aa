package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A published lottery draw of one order, as kept: the commitment, the seed and the entries it was
 * drawn on, one row per order and event (a unique key: a draw is never made twice). The places
 * are recomputed from these on every read, and a stored draw that would not recompute to a
 * verified result is refused, so what is shown is always what anyone can check.
 */
@Entity
@Table(name = "LIVE_DRAW", uniqueConstraints = @UniqueConstraint(name = "LIVE_DRAW_ONCE", columnNames = {"EVENTID", "DISTRIBUTIONORDER"}))
@NamedQuery(name = "LiveDraw.findByEvent", query = "select d from LiveDraw d where d.eventId = :event order by d.distributionOrder")
public class LiveDraw {

    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 16)
    private String eventId;

    @Column(name = "DISTRIBUTIONORDER")
    private int distributionOrder;

    private long ability;

    private int requiredRedistributors;

    @Column(nullable = false, length = 64)
    private String commitment;

    @Column(nullable = false, length = 64)
    private String seedHex;

    /** The entries, one per line: application id, artist distributions, redistribution ability. */
    @Lob
    @Column(nullable = false)
    private String entries;

    @Column(nullable = false)
    private Instant drawnAt;

    protected LiveDraw() {
    }

    public LiveDraw(String eventId, LotteryResult result, Instant drawnAt) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.id = eventId + "-" + result.order();
        this.distributionOrder = result.order();
        this.ability = result.ability();
        this.requiredRedistributors = result.requiredRedistributors();
        this.commitment = result.commitment();
        this.seedHex = result.seedHex();
        StringBuilder lines = new StringBuilder();
        for (LotteryEntry e : result.entries()) {
            lines.append(e.applicationId()).append(',').append(e.artistDistributions()).append(',')
                    .append(e.redistributionAbility()).append('\n');
        }
        this.entries = lines.toString();
        this.drawnAt = Objects.requireNonNull(drawnAt, "drawnAt");
    }

    /** The published result, recomputed from the seed over the entries. */
    public LotteryResult result() {
        List<LotteryEntry> list = new ArrayList<>();
        for (String line : entries.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split(",");
                list.add(new LotteryEntry(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2])));
            }
        }
        LotteryResult r = LotteryResult.draw(distributionOrder, ability, requiredRedistributors, LotterySeed.fromHex(seedHex), list);
        if (!r.verify(commitment, list)) {
            throw new IllegalStateException("draw " + id + " does not verify");
        }
        return r;
    }

    public int order() {
        return distributionOrder;
    }

    public Instant drawnAt() {
        return drawnAt;
    }
}
