package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.catalog.application.AddedInformation;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.MediaTypes;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * A content's page with its added information: comments, promotion image, free preview, rating
 * and bulletin board. Users rate and post; the content's holder and the operator moderate.
 */
@ApplicationScoped
@Route(value = {"/content", "/content/rate", "/content/post", "/content/moderate"},
        roles = {Role.TERMINAL, Role.HOLDER, Role.OPERATOR})
public class ContentPageController implements PageController {

    @Inject
    Catalog catalog;

    @Inject
    AddedInformation added;

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String id = request.required("id");
        String who = request.username().orElseThrow();
        boolean terminal = request.inRole(Role.TERMINAL);
        Content c = request.inRole(Role.HOLDER) ? catalog.forHolder(id, who)
                : request.inRole(Role.OPERATOR) ? catalog.forHolder(id, null) : catalog.listed(id);
        boolean moderator = !terminal;
        request.put("c", c).put("moderator", moderator)
                .put("previewKind", MediaTypes.previewKind(c.mediaType()))
                .put("board", catalog.board(c.id(), moderator));
        if (terminal) {
            long balance = media.balance(who);
            request.put("balance", balance).put("shortfall", Math.max(0, c.unitCost() - balance))
                    .put("myRating", catalog.ratingBy(c.id(), who));
        }
        return View.template("catalog/content");
    }

    @Override
    public View post(PageRequest request) {
        String who = request.username().orElseThrow();
        String id = request.required("id");
        switch (request.path()) {
            case "/content/rate" -> {
                requireTerminal(request);
                added.rate(who, id, (int) request.requiredLong("stars", 1, 5));
                request.flash("content.rated");
            }
            case "/content/post" -> {
                requireTerminal(request);
                added.post(who, id, request.servletRequest().getParameter("text") == null ? "" : request.servletRequest().getParameter("text"));
                request.flash("board.posted");
            }
            case "/content/moderate" -> {
                if (request.inRole(Role.TERMINAL)) {
                    throw new Forbidden();
                }
                added.moderate(who, request.inRole(Role.HOLDER) ? who : null, request.requiredLong("post", 1, Long.MAX_VALUE),
                        "hide".equals(request.required("action")));
                request.flash("board.moderated");
            }
            default -> {
                return View.status(404);
            }
        }
        return View.redirect("/content?id=" + id);
    }

    private static void requireTerminal(PageRequest request) {
        if (!request.inRole(Role.TERMINAL)) {
            throw new Forbidden();
        }
    }
}
