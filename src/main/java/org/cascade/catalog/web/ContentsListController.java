package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.DisplayConditions;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ListSort;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The top page of a signed-in user (FIG. 13 S709–S711, FIG. 15 S743): balance, the best hits and
 * banners, and the contents list arranged by the user's display conditions, with what the balance
 * can pay for marked and what it cannot shown with the shortfall.
 */
@ApplicationScoped
@Route(value = {"/terminal/home", "/terminal/conditions"}, roles = Role.TERMINAL)
public class ContentsListController implements PageController {

    @Inject
    Catalog catalog;

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String serial = request.username().orElseThrow();
        long balance = media.balance(serial);
        Catalog.Search search = new Catalog.Search(request.param("q").orElse(null),
                request.param("genre").map(g -> parse(Genre.class, g, "genre")).orElse(null),
                request.param("min").map(v -> request.requiredLong("min", 0, Long.MAX_VALUE)).orElse(null),
                request.param("max").map(v -> request.requiredLong("max", 0, Long.MAX_VALUE)).orElse(null),
                request.param("sort").map(s -> parse(ListSort.class, s, "sort")).orElse(null),
                (int) request.param("page").map(p -> request.requiredLong("page", 0, 100_000)).orElse(0L).longValue());
        DisplayConditions conditions = catalog.conditions(serial);
        request.put("serial", serial).put("balance", balance)
                .put("list", catalog.listFor(conditions, balance, search))
                .put("search", search)
                .put("sort", search.sort() == null ? conditions.sort() : search.sort())
                .put("conditions", conditions)
                .put("genres", Genre.values()).put("sorts", ListSort.values())
                .put("pageSizes", DisplayConditions.PAGE_SIZES.stream().sorted().toList())
                .put("bestHits", catalog.bestHits(conditions))
                .put("banners", catalog.banners());
        return View.template("terminal/home");
    }

    @Override
    public View post(PageRequest request) {
        String serial = request.username().orElseThrow();
        String[] liked = request.servletRequest().getParameterValues("liked");
        Set<Genre> genres = EnumSet.noneOf(Genre.class);
        if (liked != null) {
            Arrays.stream(liked).limit(Genre.values().length).forEach(g -> genres.add(parse(Genre.class, g, "genre")));
        }
        ListSort sort = parse(ListSort.class, request.required("sort"), "sort");
        int pageSize = (int) request.requiredLong("pageSize", 10, 50);
        catalog.changeConditions(serial, genres, sort, pageSize);
        request.flash("list.conditions.saved");
        return View.redirect("/terminal/home");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("form.choice", field);
        }
    }
}
