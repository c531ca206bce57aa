package org.cascade.console.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.cascade.ledger.application.TransactionPosted;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.settlement.application.SettlementRunClosed;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.application.LinkClosed;
import org.cascade.swarm.application.LinkOpened;
import org.cascade.swarm.application.OnlineTerminals;
import org.cascade.swarm.domain.LinkPath;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The center's application metrics ({@code /metrics?scope=application}).
 *
 * <p>Gauges read the real state when scraped: terminals online from the table of online
 * terminals (memory), open transfers and bytes delivered by path from the database, both in one
 * snapshot kept {@link #SNAPSHOT_MILLIS} so that a scrape costs two aggregate queries at most.
 * Bytes delivered are the durable total over every link (they survive restarts), hence a gauge.
 * Counters count events since this server started, after their transaction committed, so a
 * use case that rolled back or was run again counts once: transfers opened (by path), closed
 * (by path and reason), ledger postings (by kind) and settlement runs.
 *
 * <p>The scrape arrives on a thread of Liberty's own /metrics endpoint, outside this
 * application: the database reads carry the application's context, captured when it started.
 */
@ApplicationScoped
public class CenterMetrics {

    static final long SNAPSHOT_MILLIS = 5_000;

    static final Metadata TERMINALS_ONLINE = Metadata.builder().withName("cascade.terminals.online")
            .withDescription("Terminals whose channel to the center is open").build();
    static final Metadata TRANSFERS_OPEN = Metadata.builder().withName("cascade.transfers.open")
            .withDescription("Transfer links open now, by path").build();
    static final Metadata TRANSFERS_DELIVERED = Metadata.builder().withName("cascade.transfers.delivered")
            .withDescription("Verified bytes delivered over all links ever, by path").withUnit(MetricUnits.BYTES).build();
    static final Metadata TRANSFERS_OPENED = Metadata.builder().withName("cascade.transfers.opened")
            .withDescription("Transfer links the center brokered since it started, by path").build();
    static final Metadata TRANSFERS_CLOSED = Metadata.builder().withName("cascade.transfers.closed")
            .withDescription("Transfer links closed since the center started, by the path they last used and why").build();
    static final Metadata LEDGER_POSTINGS = Metadata.builder().withName("cascade.ledger.postings")
            .withDescription("Ledger transactions posted since the center started, by kind").build();

    static final Metadata SETTLEMENT_RUNS = Metadata.builder().withName("cascade.settlement.runs")
            .withDescription("Settlement runs that closed a period since the center started").build();

    @Inject
    MetricRegistry registry;

    @Inject
    OnlineTerminals online;

    @Inject
    Distribution distribution;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contexts;

    private Supplier<Transfers> readTransfers;
    private Transfers transfers;

    /** Open links and delivered bytes, by path, as read at {@code readAt}. */
    private record Transfers(Map<LinkPath, Long> open, Map<LinkPath, Long> delivered, long readAt) {
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        readTransfers = contexts.contextualSupplier(
                () -> new Transfers(distribution.openLinksByPath(), distribution.bytesByPath(), System.currentTimeMillis()));
        registry.gauge(TERMINALS_ONLINE, online::count);
        for (LinkPath path : LinkPath.values()) {
            Tag tag = pathTag(path);
            registry.gauge(TRANSFERS_OPEN, () -> transfers().open().get(path), tag);
            registry.gauge(TRANSFERS_DELIVERED, () -> transfers().delivered().get(path), tag);
        }
        // Present from the start at zero: a link opens directly or from the origin (relay is a direct link moved).
        registry.counter(TRANSFERS_OPENED, pathTag(LinkPath.P2P));
        registry.counter(TRANSFERS_OPENED, pathTag(LinkPath.ORIGIN));
        for (TransactionKind kind : TransactionKind.values()) {
            if (kind.posted()) {
                registry.counter(LEDGER_POSTINGS, kindTag(kind));
            }
        }
        registry.counter(SETTLEMENT_RUNS);
    }

    private synchronized Transfers transfers() {
        if (transfers == null || System.currentTimeMillis() - transfers.readAt() > SNAPSHOT_MILLIS) {
            transfers = readTransfers.get();
        }
        return transfers;
    }

    void opened(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkOpened link) {
        registry.counter(TRANSFERS_OPENED, pathTag(link.path())).inc();
    }

    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkClosed link) {
        registry.counter(TRANSFERS_CLOSED, pathTag(link.path()), new Tag("reason", link.reason())).inc();
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransactionPosted transaction) {
        registry.counter(LEDGER_POSTINGS, kindTag(transaction.kind())).inc();
    }

    void settled(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettlementRunClosed run) {
        registry.counter(SETTLEMENT_RUNS).inc();
    }

    private static Tag pathTag(LinkPath path) {
        return new Tag("path", path.wire());
    }

    private static Tag kindTag(TransactionKind kind) {
        return new Tag("kind", kind.name().toLowerCase(Locale.ROOT));
    }

    /** A redeployment registers them again. */
    @PreDestroy
    void unregister() {
        registry.removeMatching((id, metric) -> id.getName().startsWith("cascade."));
    }
}
