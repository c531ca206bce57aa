package org.cascade.catalog.domain;

import org.cascade.platform.domain.RuleViolation;

/** Free texts people type: trimmed, control characters (other than line breaks) removed, bounded. */
final class Texts {

    private Texts() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        // Control characters go first, so that spaces they hid are trimmed too.
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        return sb.toString().strip();
    }

    static String required(String text, int max, String key) {
        String clean = clean(text);
        if (clean == null || clean.isEmpty() || clean.length() > max) {
            throw new RuleViolation(key, max);
        }
        return clean;
    }

    static String optional(String text, int max, String key) {
        String clean = clean(text);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > max) {
            throw new RuleViolation(key, max);
        }
        return clean;
    }
}
