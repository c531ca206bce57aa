package org.cascade.catalog.web;

import org.cascade.platform.application.RequestKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.catalog.application.AddedInformation;
import org.cascade.catalog.application.Advertising;
import org.cascade.catalog.domain.Advertisement;
import org.cascade.catalog.domain.AdvertisementKind;
import org.cascade.catalog.application.Catalog;
import org.cascade.catalog.application.ContentRegistration;
import org.cascade.catalog.domain.BoardPost;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.ListEntry;
import org.cascade.catalog.domain.ListSort;
import org.cascade.catalog.infrastructure.ContentFiles;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;

/** The catalog's API: registration, the list, a content with its images, preview and signed manifest, ratings and the board. */
@Path("")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContentsApi {

    public record Stars(@Min(1) @Max(5) int stars) {
    }

    public record Post(@NotBlank @Size(max = BoardPost.MAX_LENGTH) String text) {
    }

    public record Moderation(@NotNull Boolean hidden) {
    }

    public record Ad(@NotBlank String contentId, @NotNull AdvertisementKind kind, @NotNull java.time.LocalDate start,
                     @Min(1) @Max(Advertisement.MAX_DAYS) int days,
                     @NotNull @jakarta.validation.constraints.Pattern(regexp = RequestKey.PATTERN) String requestKey) {
    }

    @Inject
    Advertising advertising;

    /** The holder pays for a preferential position or a banner from their funds. */
    @POST
    @Path("advertisements")
    public Map<String, Object> advertise(Ad body) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        input.valid(body);
        Advertisement ad = advertising.buy(holder, body.contentId(), body.kind(), body.start(), body.days(), body.requestKey());
        return Map.of("content", ad.contentId(), "kind", ad.kind().name(), "fee", ad.fee(),
                "from", ad.startsAt().toString(), "until", ad.endsAt().toString(), "funds", advertising.funds(holder));
    }

    @Inject
    ContentRegistration registration;

    @Inject
    Catalog catalog;

    @Inject
    AddedInformation added;

    @Inject
    ContentFiles files;

    @Inject
    StorageMedias media;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @POST
    @Path("contents")
    public Response register(ContentRegistration.Registration body) {
        String holder = ApiCaller.require(request, Role.HOLDER);
        input.valid(body);
        Content c = registration.register(holder, body);
        return Response.status(Response.Status.CREATED).entity(summary(c)).build();
    }

    /** The signed-in user's list, arranged by their display conditions. */
    @GET
    @Path("contents")
    public Map<String, Object> list(@QueryParam("q") String text, @QueryParam("genre") String genre,
                                    @QueryParam("min") Long min, @QueryParam("max") Long max,
                                    @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") int page) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        long balance = media.balance(serial);
        var list = catalog.listFor(serial, balance, new Catalog.Search(text,
                genre == null ? null : ContentsListController.parse(Genre.class, genre, "genre"), min, max,
                sort == null ? null : ContentsListController.parse(ListSort.class, sort, "sort"), page));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balance", balance);
        out.put("total", list.total());
        out.put("page", list.page());
        out.put("items", list.items().stream().map(l -> {
            Map<String, Object> m = line(l.content());
            m.put("sponsored", l.sponsored());
            m.put("affordable", l.affordable());
            m.put("shortfall", l.shortfall());
            return m;
        }).toList());
        return out;
    }

    @GET
    @Path("contents/{id}")
    public Map<String, Object> content(@PathParam("id") String id) {
        return summary(visible(id));
    }

    /** The content's signed manifest: what terminals check every piece against. */
    @GET
    @Path("contents/{id}/manifest")
    @Produces("application/jwt")
    public String manifest(@PathParam("id") String id) {
        ApiCaller.require(request, Role.TERMINAL, Role.HOLDER, Role.OPERATOR);
        return catalog.sealedManifest(id);
    }

    @GET
    @Path("contents/{id}/thumbnail")
    @Produces({"image/png", "image/jpeg"})
    public Response thumbnail(@PathParam("id") String id) {
        Content c = visible(id);
        return stream(c, ContentFiles.Kind.THUMBNAIL, c.thumbnailType(), -1);
    }

    @GET
    @Path("contents/{id}/promotion")
    @Produces({"image/png", "image/jpeg"})
    public Response promotion(@PathParam("id") String id) {
        Content c = visible(id);
        if (c.promotionType() == null) {
            throw new NotFound("content.unknown", id);
        }
        return stream(c, ContentFiles.Kind.PROMOTION, c.promotionType(), -1);
    }

    /** The first part of a listed content, free of charge, as long as its holder allows. */
    @GET
    @Path("contents/{id}/preview")
    @Produces(MediaType.WILDCARD)
    public Response preview(@PathParam("id") String id) {
        ApiCaller.require(request, Role.TERMINAL, Role.HOLDER, Role.OPERATOR);
        Content c = catalog.listed(id);
        if (c.previewBytes() == 0) {
            throw new NotFound("content.preview.none");
        }
        return stream(c, ContentFiles.Kind.CONTENT, c.mediaType(), c.previewBytes());
    }

    @POST
    @Path("contents/{id}/ratings")
    public Map<String, Object> rate(@PathParam("id") String id, Stars body) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        input.valid(body);
        added.rate(serial, id, body.stars());
        return summary(catalog.listed(id));
    }

    @POST
    @Path("contents/{id}/board")
    public Map<String, Object> post(@PathParam("id") String id, Post body) {
        String serial = ApiCaller.require(request, Role.TERMINAL);
        input.valid(body);
        BoardPost p = added.post(serial, id, body.text());
        return Map.of("post", p.id(), "text", p.text());
    }

    @GET
    @Path("contents/{id}/board")
    public List<Map<String, Object>> board(@PathParam("id") String id) {
        boolean moderator = request.isUserInRole(Role.HOLDER.group()) || request.isUserInRole(Role.OPERATOR.group());
        Content c = visible(id);
        return catalog.board(c.id(), moderator).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("post", p.id());
            m.put("author", p.author());
            m.put("text", p.text());
            m.put("at", p.postedAt().toString());
            m.put("hidden", p.hidden());
            return m;
        }).toList();
    }

    @POST
    @Path("board/{post}/moderation")
    public Response moderate(@PathParam("post") long post, Moderation body) {
        String who = ApiCaller.require(request, Role.HOLDER, Role.OPERATOR);
        input.valid(body);
        added.moderate(who, request.isUserInRole(Role.HOLDER.group()) ? who : null, post, body.hidden());
        return Response.noContent().build();
    }

    private Content visible(String id) {
        String who = ApiCaller.require(request, Role.TERMINAL, Role.HOLDER, Role.OPERATOR);
        if (request.isUserInRole(Role.HOLDER.group())) {
            return catalog.forHolder(id, who);
        }
        return request.isUserInRole(Role.OPERATOR.group()) ? catalog.forHolder(id, null) : catalog.listed(id);
    }

    private Response stream(Content c, ContentFiles.Kind kind, String type, long limit) {
        if (!files.exists(c.id(), kind)) {
            throw new NotFound("content.unknown", c.id());
        }
        long length = limit >= 0 ? limit : -1;
        StreamingOutput body = out -> {
            try (InputStream in = files.open(c.id(), kind)) {
                if (length < 0) {
                    in.transferTo(out);
                } else {
                    byte[] buffer = new byte[64 * 1024];
                    long left = length;
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            break;
                        }
                        out.write(buffer, 0, n);
                        left -= n;
                    }
                }
            }
        };
        Response.ResponseBuilder r = Response.ok(body, type).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", kind == ContentFiles.Kind.CONTENT ? "inline; filename=\"preview\"" : "inline")
                .header("Cache-Control", "private, max-age=300");
        if (length >= 0) {
            r.header("Content-Length", length);
        }
        return r.build();
    }

    /** A content as the list shows it; {@code GET contents/{id}} gives the rest. */
    static Map<String, Object> line(ListEntry c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("summary", c.summary());
        m.put("genre", c.genre().name());
        m.put("unitCost", c.unitCost());
        m.put("writer", c.writer());
        m.put("ratingTenths", c.averageRatingTenths());
        m.put("ratings", c.ratingCount());
        m.put("receptions", c.receptions());
        return m;
    }

    static Map<String, Object> summary(Content c) {
        Map<String, Object> m = line(ListEntry.of(c));
        m.put("status", c.status().name());
        m.put("size", c.size());
        m.put("mediaType", c.mediaType());
        m.put("redistributionAllowed", c.redistributionAllowed());
        m.put("redistributorSharePercent", c.redistributorSharePercent());
        m.put("previewBytes", c.previewBytes());
        m.put("boardPosts", c.boardPosts());
        m.put("redistributions", c.redistributions());
        return m;
    }
}
