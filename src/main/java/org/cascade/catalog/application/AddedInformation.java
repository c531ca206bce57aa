package org.cascade.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.cascade.catalog.domain.BoardPost;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.catalog.domain.Rating;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.NotFound;

/**
 * The added information processing section (29): the holder's comments and free preview, users'
 * ratings and bulletin-board posts, and moderation by the holder and the operator.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class AddedInformation {

    @Inject
    ContentRepository contents;

    @Inject
    Clock clock;

    public void describe(@NotBlank String holder, @NotBlank String contentId, @Size(max = 2000) String summary,
                         @Size(max = 2000) String performerComment, @Size(max = 2000) String creatorComment, @Min(0) long previewBytes) {
        Content c = contents.find(contentId).filter(x -> x.holder().equals(holder))
                .orElseThrow(() -> new NotFound("content.unknown", contentId));
        c.describe(summary, performerComment, creatorComment, previewBytes);
    }

    /** A user rates a listed content, once; rating again changes the stars. */
    public void rate(@NotBlank String serial, @NotBlank String contentId, @Min(1) @Max(5) int stars) {
        Content c = listed(contentId);
        Rating r = contents.rating(contentId, serial).orElseGet(() -> {
            Rating fresh = new Rating(contentId, serial, clock.instant());
            contents.add(fresh);
            return fresh;
        });
        c.rated(r.give(stars, clock.instant()), stars);
    }

    public BoardPost post(@NotBlank String author, @NotBlank String contentId, @NotNull @Size(max = BoardPost.MAX_LENGTH) String text) {
        Content c = listed(contentId);
        BoardPost post = new BoardPost(contentId, author, text, clock.instant());
        contents.add(post);
        c.boardPosted();
        return post;
    }

    /** Hides a post, or shows it again; only the content's holder or the operator ({@code holder} null). */
    public void moderate(@NotBlank String moderator, String holder, long postId, boolean hide) {
        BoardPost post = contents.post(postId).orElseThrow(() -> new NotFound("board.unknown", postId));
        Content c = contents.find(post.contentId()).orElseThrow(() -> new NotFound("board.unknown", postId));
        if (holder != null && !c.holder().equals(holder)) {
            throw new Forbidden();
        }
        if (hide) {
            post.hide(moderator);
        } else {
            post.show();
        }
    }

    /**
     * A reception of the content completed (settled whole for one media), {@code redistributed}
     * when a terminal delivered some of it: the figures the holder's home page shows and the
     * list's "most received" order sorts by.
     */
    public void received(@NotBlank String contentId, boolean redistributed) {
        contents.find(contentId).ifPresent(c -> c.received(redistributed));
    }

    private Content listed(String contentId) {
        return contents.find(contentId).filter(Content::listed).orElseThrow(() -> new NotFound("content.unknown", contentId));
    }
}
