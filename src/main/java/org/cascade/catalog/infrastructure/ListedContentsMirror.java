package org.cascade.catalog.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentStatus;
import org.cascade.catalog.domain.ListEntry;
import org.cascade.catalog.domain.ListedContents;
import org.cascade.platform.application.AfterCompletion;

/**
 * The in-memory {@link ListedContents}, kept equal to the CONTENT table: filled from the database
 * on first use, then told of every content written ({@link ContentChanges}), taking the new state
 * only once its transaction has committed. (One center, one process: Derby runs embedded.)
 */
@ApplicationScoped
public class ListedContentsMirror {

    @PersistenceContext(unitName = "cascade")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final ListedContents listed = new ListedContents();
    private volatile boolean loaded;

    public ListedContents current() {
        if (!loaded) {
            load();
        }
        return listed;
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        // Changes committed meanwhile are already in: an entry only gives way to a newer revision.
        em.createNamedQuery("Content.findByStatus", Content.class).setParameter("status", ContentStatus.LISTED)
                .getResultStream().map(ListEntry::of).forEach(listed::put);
        loaded = true;
    }

    /** A content is being written: its state joins the list when (and if) the transaction commits. */
    void written(Content content) {
        ListEntry entry = ListEntry.of(content);
        if (transactions.getTransactionKey() == null) {
            listed.put(entry);
            return;
        }
        transactions.registerInterposedSynchronization(AfterCompletion.ifCommitted(() -> listed.put(entry)));
    }
}
