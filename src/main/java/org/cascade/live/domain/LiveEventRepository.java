package org.cascade.live.domain;

import java.util.List;
import java.util.Optional;

public interface LiveEventRepository {

    void add(LiveEvent event);

    Optional<LiveEvent> find(String id);

    /** A holder's events, the soonest first. */
    List<LiveEvent> byHolder(String holder);
}
