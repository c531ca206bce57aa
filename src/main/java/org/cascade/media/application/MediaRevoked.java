package org.cascade.media.application;

/**
 * The operator revoked a media (lost or stolen). Fired inside the revocation's transaction:
 * observers that end the media's open sessions and channels observe it after that transaction
 * has committed ({@code during = AFTER_SUCCESS}), so that a revocation rolled back ends nothing.
 */
public record MediaRevoked(String serial) {
}
