package org.cascade.platform.domain;

/** The caller is signed in but the object is not theirs (another store's report, another user's media). */
public class Forbidden extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public Forbidden() {
        super("error.forbidden");
    }
}
