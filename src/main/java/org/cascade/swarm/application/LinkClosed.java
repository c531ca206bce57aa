package org.cascade.swarm.application;

import org.cascade.swarm.domain.LinkPath;

/**
 * A link closed, on the path it last used, and why ({@code completed}, {@code delivered}, {@code interrupted},
 * {@code partner-left}, {@code cut-off}, {@code no-receipts}, {@code balance}). Fired inside the
 * transaction that closed it.
 */
public record LinkClosed(String linkId, LinkPath path, String reason) {
}
