package org.cascade.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live: the application is deployed and its beans answer. The database is left out on purpose:
 * restarting the center does not bring a database back, and an orchestrator that restarts on a
 * database outage only adds restarts to the outage. Readiness covers the database.
 */
@Liveness
@ApplicationScoped
public class CenterLiveness implements HealthCheck {

    static final String NAME = "center";

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(NAME);
    }
}
