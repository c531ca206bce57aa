package org.cascade.catalog.domain;

public enum ContentStatus {
    /** Registered; the center is splitting and hashing it. Not listed. */
    PROCESSING,
    /** Carries the center's signed manifest (its originality mark): listed, distributed, played. */
    LISTED,
    /** Processing failed; the reason is kept. Never listed. */
    REJECTED
}
