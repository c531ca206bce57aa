package org.cascade.mail.application;

import org.cascade.mail.domain.OutgoingMail;

/** Hands one mail to the SMTP server; what the worker needs of the infrastructure. */
public interface MailSending {

    /** Sends the mail; returns once the server accepted it, or throws with the server's answer. */
    void send(OutgoingMail mail) throws Refused;

    /** The server (or the way to it) did not take the mail. */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String answer, Throwable cause) {
            super(answer, cause);
        }
    }
}
