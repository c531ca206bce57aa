package org.cascade.platform.domain;

import java.util.Arrays;

/**
 * A business rule refused a request. Carries a message key (resolved in the page's
 * language by the web layer) and its arguments, never a sentence in one language.
 * Thrown inside a transaction it rolls everything back, so a refusal writes nothing.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final Object[] arguments;

    public RuleViolation(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
