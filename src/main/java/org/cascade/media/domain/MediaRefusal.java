package org.cascade.media.domain;

/** Why an inserted storage media was refused; each reason has its own message for the person at the terminal. */
public enum MediaRefusal {
    /** Not a Cascade media file at all: unreadable, wrong type, or an algorithm outside the allow-list (such as "none"). */
    MALFORMED("media.refused.malformed"),
    /** Signed by a key or issuer that is not this center's: a forgery. */
    FOREIGN("media.refused.foreign"),
    /** Signed by this center, but changed since: the signature no longer matches. */
    ALTERED("media.refused.altered"),
    /** Well signed, but this center has no record of it. */
    UNKNOWN("media.refused.unknown"),
    /** Revoked by the operator (lost or stolen). */
    REVOKED("media.refused.revoked"),
    /** An older copy than one the center already handed to the terminal. Recorded for the operator. */
    ROLLED_BACK("media.refused.rollback"),
    /** The media is genuine but the password is not its own. */
    WRONG_PASSWORD("media.refused.password");

    private final String messageKey;

    MediaRefusal(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
