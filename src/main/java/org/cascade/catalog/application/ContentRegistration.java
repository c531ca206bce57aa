package org.cascade.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.catalog.domain.ContentTerms;
import org.cascade.catalog.domain.Genre;
import org.cascade.catalog.domain.Images;
import org.cascade.catalog.domain.UploadPurpose;
import org.cascade.catalog.domain.Writer;
import org.cascade.catalog.infrastructure.ContentFiles;
import org.cascade.platform.application.ConflictRetried;
import org.cascade.platform.domain.OneTimeSecret;
import org.cascade.platform.domain.RuleViolation;

/**
 * A holder registers a content (FIG. 3B) from files already uploaded: the content itself, its
 * thumbnail and optionally a promotion image. Everything is checked before anything is kept; the
 * content is then stored as processing, and listed once the center has signed its manifest.
 */
@ApplicationScoped
@ConflictRetried
@Transactional
public class ContentRegistration {

    /** What the holder entered on the registration form. */
    public record Registration(
            @NotBlank @Size(max = Content.MAX_NAME) String name,
            @Size(max = 2000) String summary,
            @NotNull Genre genre,
            @NotBlank @Size(max = 120) String writerName,
            @Size(max = 1000) String writerInfo,
            @NotBlank @Size(max = 200) String writerPayoutAccount,
            @Min(0) @Max(ContentTerms.MAX_UNIT_COST) long unitCost,
            boolean redistributionAllowed,
            @Min(0) @Max(ContentTerms.MAX_SHARE_PERCENT) int redistributorSharePercent,
            @Min(0) long previewBytes,
            @Size(max = 2000) String performerComment,
            @Size(max = 2000) String creatorComment,
            @NotBlank @Size(max = 200) String fileName,
            @Size(max = 100) String mediaType,
            @NotBlank @Size(max = 64) String fileUpload,
            @NotBlank @Size(max = 64) String thumbnailUpload,
            @Size(max = 64) String promotionUpload) {
    }

    @Inject
    ContentRepository contents;

    @Inject
    Uploads uploads;

    @Inject
    ContentFiles files;

    @Inject
    Event<ContentRegistered> registered;

    @Inject
    Clock clock;

    public Content register(@NotBlank String holder, @NotNull @Valid Registration r) {
        if (r.fileUpload().equals(r.thumbnailUpload()) || r.fileUpload().equals(r.promotionUpload())
                || r.thumbnailUpload().equals(r.promotionUpload())) {
            throw new RuleViolation("content.uploads.distinct");
        }
        if (contents.findByName(r.name()).isPresent()) {
            throw new RuleViolation("content.name.taken", r.name().strip());
        }
        Path file = uploads.completedFile(holder, r.fileUpload(), UploadPurpose.CONTENT);
        Path thumbnail = uploads.completedFile(holder, r.thumbnailUpload(), UploadPurpose.IMAGE);
        String thumbnailType = Images.inspect(thumbnail);
        Path promotion = null;
        String promotionType = null;
        if (r.promotionUpload() != null && !r.promotionUpload().isBlank()) {
            promotion = uploads.completedFile(holder, r.promotionUpload(), UploadPurpose.IMAGE);
            promotionType = Images.inspect(promotion);
        }
        String id = "CT-" + OneTimeSecret.generate(2);
        Content content = new Content(id, holder, r.name(), r.summary(), r.genre(),
                new Writer(r.writerName(), r.writerInfo(), r.writerPayoutAccount()),
                new ContentTerms(r.unitCost(), r.redistributionAllowed(), r.redistributorSharePercent()),
                r.fileName(), r.mediaType(), sizeOf(file), r.previewBytes(), clock.instant());
        content.describe(r.summary(), r.performerComment(), r.creatorComment(), r.previewBytes());
        content.useImages(thumbnailType, promotionType);
        contents.add(content);
        files.moveIn(file, id, ContentFiles.Kind.CONTENT);
        files.moveIn(thumbnail, id, ContentFiles.Kind.THUMBNAIL);
        if (promotion != null) {
            files.moveIn(promotion, id, ContentFiles.Kind.PROMOTION);
        }
        uploads.release(holder, r.fileUpload());
        uploads.release(holder, r.thumbnailUpload());
        if (promotion != null) {
            uploads.release(holder, r.promotionUpload());
        }
        registered.fire(new ContentRegistered(id));
        return content;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
