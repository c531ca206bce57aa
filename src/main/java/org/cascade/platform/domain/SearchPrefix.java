package org.cascade.platform.domain;

import java.util.Locale;

/**
 * What someone typed to find things by how their name (or id) begins. It guards what a search
 * may be: at most {@link #MAX} characters and no control characters, surrounding spaces
 * ignored; a blank search finds everything. Matching ignores case.
 */
public record SearchPrefix(String text) {

    public static final int MAX = 40;
    /** The escape character of the patterns {@link #beginningWith} writes. */
    public static final char ESCAPE = '\\';

    public SearchPrefix {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX) {
            throw new RuleViolation("search.tooLong", MAX);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolation("search.invalid");
        }
    }

    public static SearchPrefix of(String typed) {
        return new SearchPrefix(typed);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public String lowerCase() {
        return text.toLowerCase(Locale.ROOT);
    }

    public String upperCase() {
        return text.toUpperCase(Locale.ROOT);
    }

    /**
     * A LIKE pattern for what begins with {@code start} (the prefix folded as the column it is
     * matched against): its own % and _ match only themselves, escaped with {@link #ESCAPE}.
     */
    public static String beginningWith(String start) {
        StringBuilder p = new StringBuilder(start.length() + 2);
        for (char c : start.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                p.append(ESCAPE);
            }
            p.append(c);
        }
        return p.append('%').toString();
    }
}
