package org.cascade.live.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.List;
import org.cascade.live.domain.LiveEventRepository;
import org.cascade.live.domain.LiveRefusal;

/** Keeps what was refused on air, in a transaction of its own: the refused act's own transaction rolls back. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LiveRefusals {

    @Inject
    LiveEventRepository events;

    @Inject
    Clock clock;

    public void record(@NotBlank String eventId, @NotBlank String who, @NotBlank String act, @NotBlank String reasonKey) {
        if (events.find(eventId).isPresent()) {
            events.add(new LiveRefusal(eventId, who.length() > 64 ? who.substring(0, 64) : who, act, reasonKey, clock.instant()));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LiveRefusal> of(@NotBlank String eventId) {
        return events.refusals(eventId, 50);
    }
}
