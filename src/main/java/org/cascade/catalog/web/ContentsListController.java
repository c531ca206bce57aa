package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.domain.DisplayConditions;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ListEntry;
import org.cascade.catalog.domain.ListSort;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.application.Page;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.Formats;
import org.cascade.platform.web.Messages;
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

    @Inject
    Clock clock;

    @Inject
    Messages messages;

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
        ListSort sort = search.sort() == null ? conditions.sort() : search.sort();
        Page<Catalog.Line> list = catalog.listFor(conditions, balance, search);
        Formats fmt = new Formats(request.locale(), clock.getZone());
        // The page reads plain names only (no method calls): the template engine resolves those
        // without reflection, and this page is the one every user opens first.
        request.put("serial", serial).put("balance", balance).put("balanceText", fmt.yen(balance))
                .put("q", search.text()).put("genre", search.genre() == null ? null : search.genre().name())
                .put("min", search.minPrice()).put("max", search.maxPrice()).put("sort", sort.name())
                .put("total", list.total()).put("lines", list.items().stream()
                        .map(l -> line(l, fmt, request.locale(), request.servletRequest().getContextPath())).toList())
                .put("sponsoredLabel", messages.text(request.locale(), "list.sponsored"))
                .put("hasPrevious", list.hasPrevious()).put("hasNext", list.hasNext())
                .put("previousPage", list.page() - 1).put("nextPage", list.page() + 1)
                .put("genres", Arrays.stream(Genre.values()).map(g -> Map.of("name", g.name(),
                        "selected", g == search.genre(), "liked", conditions.likedGenres().contains(g))).toList())
                .put("sorts", Arrays.stream(ListSort.values()).map(s -> Map.of("name", s.name(),
                        "selected", s == sort, "saved", s == conditions.sort())).toList())
                .put("pageSizes", DisplayConditions.PAGE_SIZES.stream().sorted().map(n -> Map.of("value", n,
                        "saved", n == conditions.pageSize())).toList())
                .put("bestHits", catalog.bestHits(conditions).stream().map(h -> Map.of("id", h.id(), "name", h.name())).toList())
                .put("banners", catalog.banners().stream().map(b -> Map.of("id", b.id(), "name", b.name())).toList());
        return View.template("terminal/home");
    }

    /**
     * One line as the page shows it, its texts and links made here rather than by the template
     * engine: twenty lines are most of the top page's work.
     */
    private Map<String, Object> line(Catalog.Line line, Formats fmt, Locale locale, String contextPath) {
        ListEntry c = line.content();
        String id = URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("href", contextPath + "/content?id=" + id);
        m.put("thumbnail", contextPath + "/api/contents/" + id + "/thumbnail");
        m.put("name", c.name());
        m.put("summary", c.summary());
        m.put("genre", messages.text(locale, "genre." + c.genre().name()));
        m.put("rated", c.ratingCount() > 0);
        m.put("rating", c.ratingCount() == 0 ? null : messages.text(locale, "list.rating", c.averageRatingTenths() / 10.0, c.ratingCount()));
        m.put("price", fmt.yen(c.unitCost()));
        m.put("sponsored", line.sponsored());
        m.put("affordable", line.affordable());
        m.put("means", line.affordable() ? messages.text(locale, "list.affordable")
                : messages.text(locale, "list.shortfall", fmt.yen(line.shortfall())));
        return m;
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
