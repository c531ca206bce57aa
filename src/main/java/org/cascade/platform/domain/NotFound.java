package org.cascade.platform.domain;

/** The thing asked for does not exist, or is not the caller's to see (the two look alike on purpose). */
public class NotFound extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public NotFound(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
