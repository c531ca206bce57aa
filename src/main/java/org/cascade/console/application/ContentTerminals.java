package org.cascade.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.console.domain.Availability;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.domain.TerminalPresence;

/**
 * Contents as the distribution center sees them: one content with the terminals online that can
 * distribute it, and for a list of contents how many terminals can. Reads only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContentTerminals {

    @Inject
    Catalog catalog;

    @Inject
    Distribution distribution;

    @Inject
    OnlineTerminals online;

    /** A content (of any status) and, once listed, its availability among the terminals online. */
    public record ContentOnline(Content content, Optional<Availability> availability) {
    }

    public ContentOnline of(@NotBlank @Size(max = 16) String contentId) {
        Content content = catalog.forHolder(contentId, null);
        if (!content.listed()) {
            // Nothing unlisted is distributed, by the center or by anyone.
            return new ContentOnline(content, Optional.empty());
        }
        int pieceCount = distribution.terms(content.id()).layout().pieceCount();
        return new ContentOnline(content, Optional.of(Availability.of(content.id(), pieceCount, online.all())));
    }

    /** Per content, how many terminals online can send at least one piece of it. */
    public Map<String, Integer> distributorCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (TerminalPresence t : online.all()) {
            t.heldCounts().keySet().forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }
}
