package org.cascade.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The page's language: the first of the browser's languages that Cascade speaks, else English. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale spoken : SUPPORTED) {
                if (spoken.getLanguage().equals(wanted.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** The same choice from an Accept-Language header (a WebSocket handshake has no servlet request). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return Locale.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                for (Locale spoken : SUPPORTED) {
                    if (range.getRange().equals(spoken.getLanguage()) || range.getRange().startsWith(spoken.getLanguage() + "-")) {
                        return spoken;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header: the default language.
        }
        return Locale.ENGLISH;
    }
}
