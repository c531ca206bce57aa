package org.cascade.swarm.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface TransferLinkRepository {

    void add(TransferLink link);

    Optional<TransferLink> find(String id);

    /** The link, locked against concurrent reports until the transaction ends. */
    Optional<TransferLink> lock(String id);

    List<TransferLink> open();

    List<TransferLink> openByTerminal(String terminalId);

    List<TransferLink> openByReceiver(String serial, String contentId);

    List<TransferLink> openByDistributor(String serial, String contentId);

    List<TransferLink> recent(int max);

    /** What the origin's open links of a content were asked for and have not delivered yet, link by link. */
    List<PieceSet> originOutstanding(String contentId);

    /** How many open links each online distributor is sending on, by terminal. */
    Map<String, Long> openLinksByDistributorTerminal();

    List<TransferLink> mismatched(int max);

    /** How many links are open, by path. */
    Map<LinkPath, Long> openByPath();

    /** Verified bytes delivered in all, by path. */
    Map<LinkPath, Long> bytesByPath();

    /** Verified bytes one link delivered, by the path it last used and when it opened. */
    record Delivery(LinkPath path, java.time.Instant openedAt, long bytes) {
    }

    /** The deliveries of the links opened in [from, to). */
    List<Delivery> deliveredBetween(java.time.Instant from, java.time.Instant to);

    /** What one distributing media earned, by content. */
    record Earnings(String contentId, long pieces, long bytes, long earned) {
    }

    List<Earnings> earningsOf(String serial);

    Optional<DistributorStrikes> strikes(String serial, String contentId);

    void add(DistributorStrikes strikes);

    List<DistributorStrikes> cutOff(int max);

    /** The media cut off for a content. */
    java.util.Set<String> cutOffSerials(String contentId);
}
