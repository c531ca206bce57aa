package org.cascade.console.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready: the database answers a query ({@code VALUES (1)}, which Derby and PostgreSQL both take)
 * through the application's own data source, the pool every use case draws from, within
 * {@link #TIMEOUT_SECONDS}. The query runs on a worker so that a probe never hangs on a full pool
 * or a stuck database: it answers DOWN when the time is up, and while an earlier query is still
 * waiting no second one is started (probes must not pile up).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/cascade")
    DataSource database;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService workers;

    private final AtomicReference<Future<Long>> waiting = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        Future<Long> earlier = waiting.get();
        if (earlier != null && !earlier.isDone()) {
            return down("an earlier query is still waiting");
        }
        Future<Long> query = workers.submit(this::ask);
        waiting.set(query);
        try {
            long millis = query.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return HealthCheckResponse.named(NAME).up().withData("millis", millis).build();
        } catch (TimeoutException e) {
            return down("no answer within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            // The class of the failure says enough; its message may carry file paths.
            return down(e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private long ask() throws SQLException {
        long start = System.nanoTime();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery("VALUES (1)")) {
                if (!r.next()) {
                    throw new SQLException("no row");
                }
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
