package org.cascade.platform.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.cascade.platform.application.StaffAccounts;

/**
 * At the first start of a new database, opens the operator account with a random one-time
 * password and prints it once, to the server log. It is never printed again: the operator must
 * replace it at first sign-in, and a lost one is recovered only by starting on a new database.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    StaffAccounts staff;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        staff.openFirstOperator().ifPresent(opened -> LOG.warning(
                "CASCADE first start: the operator account '" + opened.account().username()
                        + "' was created with the one-time password " + opened.oneTimePassword()
                        + " (shown only this once; you must choose a new one at first sign-in)"));
    }
}
