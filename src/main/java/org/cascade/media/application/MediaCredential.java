package org.cascade.media.application;

import jakarta.security.enterprise.credential.Credential;

/**
 * An inserted storage media and its password, handed to {@code SecurityContext.authenticate}.
 * The identity store leaves the outcome on it, so that the page can say why a media was refused.
 */
public final class MediaCredential implements Credential {

    private final String file;
    private final char[] password;
    private final String address;
    private MediaInsertion.Insertion outcome;

    public MediaCredential(String file, char[] password, String address) {
        this.file = file;
        this.password = password;
        this.address = address;
    }

    public String file() {
        return file;
    }

    public char[] password() {
        return password;
    }

    public String address() {
        return address;
    }

    public MediaInsertion.Insertion outcome() {
        return outcome;
    }

    void outcome(MediaInsertion.Insertion outcome) {
        this.outcome = outcome;
    }

    @Override
    public void clear() {
        java.util.Arrays.fill(password, '\0');
    }
}
