package org.cascade.media.domain;

public enum MediaStatus {
    ACTIVE,
    /** Lost or stolen: refused at insertion; its balance may be re-issued onto a new media once. */
    REVOKED
}
