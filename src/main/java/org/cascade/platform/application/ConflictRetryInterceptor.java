package org.cascade.platform.application;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.cascade.platform.domain.RuleViolation;

/**
 * Wraps outside the transaction (a lower priority than {@code @Transactional}'s), so each try is
 * a whole new transaction; a call made inside a running transaction is left to its outermost caller.
 */
@ConflictRetried
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {

    static final int ATTEMPTS = 8;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext ctx) throws Exception {
        if (transactions.getTransactionKey() != null) {
            // Inside someone else's transaction: only the outermost caller can start over.
            return ctx.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.proceed();
            } catch (RuleViolation refusal) {
                throw refusal;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            }
        }
    }

    /** Integrity violations (class 23) and serialization failures, deadlocks, lock timeouts (class 40). */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("23") || state.startsWith("40")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("jakarta.persistence.OptimisticLockException")
                    || t.getClass().getName().equals("jakarta.persistence.PessimisticLockException")
                    || t.getClass().getName().equals("jakarta.persistence.LockTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
