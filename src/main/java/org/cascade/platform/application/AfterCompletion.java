package org.cascade.platform.application;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

/**
 * Work to do once the current transaction has ended, for what the database cannot undo or must
 * not see early (files, in-memory copies): registered with the JTA synchronization registry, run
 * only if the transaction committed, or only if it did not.
 */
public record AfterCompletion(boolean whenCommitted, Runnable work) implements Synchronization {

    public static AfterCompletion ifCommitted(Runnable work) {
        return new AfterCompletion(true, work);
    }

    public static AfterCompletion ifRolledBack(Runnable work) {
        return new AfterCompletion(false, work);
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if ((status == Status.STATUS_COMMITTED) == whenCommitted) {
            work.run();
        }
    }
}
