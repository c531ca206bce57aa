package org.cascade.swarm.application;

import org.cascade.swarm.domain.LinkPath;

/** The center brokered a link (direct between two terminals, or from the origin). Fired inside the transaction that opened it. */
public record LinkOpened(String linkId, LinkPath path) {
}
