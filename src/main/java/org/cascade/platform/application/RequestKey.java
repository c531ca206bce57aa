package org.cascade.platform.application;

/**
 * The key a form or API client sends with a money-moving request, generated when the form is
 * shown; it becomes part of the ledger's idempotency key, so a repeated submit posts once.
 */
public final class RequestKey {

    public static final String PATTERN = "[A-Za-z0-9-]{8,64}";

    private RequestKey() {
    }
}
