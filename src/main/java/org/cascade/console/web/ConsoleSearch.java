package org.cascade.console.web;

import java.util.Optional;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.platform.web.PageRequest;

/**
 * The search field of the console's lists ({@code q}). A refused search shows the same page
 * again with the reason and the typed text, and finds nothing, rather than an error page.
 */
final class ConsoleSearch {

    private ConsoleSearch() {
    }

    static Optional<SearchPrefix> typed(PageRequest request) {
        String typed = request.param("q").orElse("");
        request.put("q", typed);
        try {
            return Optional.of(SearchPrefix.of(typed));
        } catch (RuleViolation refused) {
            request.error(request.text(refused.messageKey(), refused.arguments()));
            return Optional.empty();
        }
    }
}
