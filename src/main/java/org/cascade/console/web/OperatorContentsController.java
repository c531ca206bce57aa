package org.cascade.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.cascade.catalog.application.Catalog;
import org.cascade.console.application.ContentTerminals;
import org.cascade.platform.application.Page;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The operator's contents: a search by how a content's name or id begins, by pages, with how
 * many terminals online can distribute each; and one content with those terminals and the
 * pieces each can send.
 */
@ApplicationScoped
@Route(value = {"/operator/contents", "/operator/contents/terminals"}, roles = Role.OPERATOR)
public class OperatorContentsController implements PageController {

    @Inject
    Catalog catalog;

    @Inject
    ContentTerminals contentTerminals;

    @Override
    public View get(PageRequest request) {
        if (request.path().equals("/operator/contents/terminals")) {
            ContentTerminals.ContentOnline found = contentTerminals.of(request.required("content"));
            // Not "content": the layout's fragment takes that name.
            request.put("shown", found.content()).put("availability", found.availability().orElse(null));
            return View.template("operator/content-terminals");
        }
        Optional<SearchPrefix> prefix = ConsoleSearch.typed(request);
        int page = request.param("page").isPresent() ? (int) request.requiredLong("page", 0, Catalog.SEARCH_LAST_PAGE) : 0;
        request.put("found", prefix.map(p -> catalog.search(p, page)).orElse(new Page<>(List.of(), 0, Catalog.SEARCH_PAGE, 0)))
                .put("distributors", contentTerminals.distributorCounts());
        return new View.Template("operator/contents", prefix.isPresent() ? 200 : 400);
    }
}
