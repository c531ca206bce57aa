package org.cascade.settlement.domain;

import org.cascade.platform.domain.RuleViolation;

/** An acknowledgement refused whole, naming the line at fault (its number comes first in the message). */
public class AcknowledgementRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    private final int line;

    public AcknowledgementRefused(int line, String messageKey, Object... arguments) {
        super(messageKey, prepend(line, arguments));
        this.line = line;
    }

    private static Object[] prepend(int line, Object[] arguments) {
        Object[] out = new Object[arguments.length + 1];
        out[0] = line;
        System.arraycopy(arguments, 0, out, 1, arguments.length);
        return out;
    }

    public int line() {
        return line;
    }
}
