package org.cascade.catalog.domain;

import java.util.Set;
import org.cascade.platform.domain.RuleViolation;

/**
 * What a user asked the contents list for: words to find, a genre, a price range, how to sort,
 * which page; plus what arranges it — the liked genres and the sponsored contents, listed first.
 */
public record ListQuery(String text, Genre genre, Long minPrice, Long maxPrice, ListSort sort, Set<Genre> liked,
                        Set<String> sponsored, int page, int pageSize) {

    public static final int MAX_TEXT = 100;

    public ListQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new RuleViolation("list.text.long", MAX_TEXT);
        }
        if (minPrice != null && minPrice < 0 || maxPrice != null && maxPrice < 0) {
            throw new RuleViolation("list.price.negative");
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new RuleViolation("list.price.order");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        if (page < 0 || page > 100_000) {
            throw new RuleViolation("list.page");
        }
        liked = Set.copyOf(liked);
        sponsored = Set.copyOf(sponsored);
    }
}
