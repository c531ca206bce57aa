package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/**
 * A content a holder registered. It is listed, distributed and played only once it carries the
 * center's signed manifest (its originality mark); until then it is processing, and it never is
 * when processing failed. It keeps its own running figures (rating, board posts, receptions) so
 * that the list can sort on them without aggregating.
 */
@Entity
// One index per list order, in exactly that order, so that a page is read off an index instead of
// sorting every listed content.
// The list's orders and searches are served from memory (ListedContents), not by indexes.
@Table(name = "CONTENT", indexes = {
        @Index(name = "CONTENT_HOLDER", columnList = "HOLDER"),
        @Index(name = "CONTENT_NAME_KEY", columnList = "NAMEKEY", unique = true)})
@NamedQuery(name = "Content.findByHolder", query = "select c from Content c where c.holder = :holder order by c.registeredAt desc")
@NamedQuery(name = "Content.findByNameKey", query = "select c from Content c where c.nameKey = :key")
@NamedQuery(name = "Content.findByStatus", query = "select c from Content c where c.status = :status")
@NamedQuery(name = "Content.findByNameOrIdPrefix", query = "select c from Content c"
        + " where c.nameKey like :name escape '\\' or c.id like :id escape '\\' order by c.registeredAt desc, c.id")
@NamedQuery(name = "Content.countByNameOrIdPrefix",
        query = "select count(c) from Content c where c.nameKey like :name escape '\\' or c.id like :id escape '\\'")
public class Content {

    public static final int MAX_NAME = 120;

    @Id
    @Column(length = 16)
    private String id;

    @Column(nullable = false, length = 32)
    private String holder;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** The name folded for uniqueness: two contents may not differ only in case or spacing. */
    @Column(name = "NAMEKEY", nullable = false, length = MAX_NAME)
    private String nameKey;

    @Column(length = 2000)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Genre genre;

    @Embedded
    private Writer writer;

    private long unitCost;

    private boolean redistributionAllowed;

    private int redistributorSharePercent;

    /** How much of the content anyone may play or view free, from its start. */
    private long previewBytes;

    @Column(length = 2000)
    private String performerComment;

    @Column(length = 2000)
    private String creatorComment;

    @Column(nullable = false, length = 200)
    private String fileName;

    @Column(nullable = false, length = 100)
    private String mediaType;

    private long size;

    @Column(length = 20)
    private String thumbnailType;

    @Column(length = 20)
    private String promotionType;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 12)
    private ContentStatus status;

    @Column(length = 200)
    private String rejection;

    @Column(length = 64)
    private String rootHash;

    @Column(nullable = false)
    private Instant registeredAt;

    @Column(name = "LISTEDAT")
    private Instant listedAt;

    /** Completed receptions: medias that settled the whole content. */
    private long receptions;
    /** Completed receptions that a terminal, not only the center, delivered some of. */
    private long redistributions;
    private long ratingCount;
    private long ratingSum;
    /** The average rating in tenths (42 = 4.2), kept so that the list can sort on it. */
    private long ratingTenths;
    private long boardPosts;

    @Version
    private long revision;

    protected Content() {
    }

    public Content(String id, String holder, String name, String summary, Genre genre, Writer writer, ContentTerms terms,
                   String fileName, String mediaType, long size, long previewBytes, Instant now) {
        this.id = id;
        this.holder = holder;
        this.name = Texts.required(name, MAX_NAME, "content.name.invalid");
        this.nameKey = nameKey(this.name);
        this.summary = Texts.optional(summary, 2000, "content.summary.invalid");
        if (genre == null) {
            throw new RuleViolation("content.genre.required");
        }
        this.genre = genre;
        this.writer = writer;
        apply(terms);
        this.fileName = Texts.required(fileName, 200, "content.fileName.invalid");
        this.mediaType = MediaTypes.normalise(mediaType);
        if (size <= 0) {
            throw new RuleViolation("content.file.empty");
        }
        this.size = size;
        setPreview(previewBytes);
        this.status = ContentStatus.PROCESSING;
        this.registeredAt = now;
    }

    public static String nameKey(String name) {
        return Texts.clean(name).replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private void apply(ContentTerms terms) {
        this.unitCost = terms.unitCost();
        this.redistributionAllowed = terms.redistributionAllowed();
        this.redistributorSharePercent = terms.redistributorSharePercent();
    }

    /** The holder changes what is shown about the content and how much of it is free to preview. */
    public void describe(String summary, String performerComment, String creatorComment, long previewBytes) {
        this.summary = Texts.optional(summary, 2000, "content.summary.invalid");
        this.performerComment = Texts.optional(performerComment, 2000, "content.comment.invalid");
        this.creatorComment = Texts.optional(creatorComment, 2000, "content.comment.invalid");
        setPreview(previewBytes);
    }

    private void setPreview(long previewBytes) {
        if (previewBytes < 0 || previewBytes > size) {
            throw new RuleViolation("content.preview.range", size);
        }
        this.previewBytes = previewBytes;
    }

    public void useImages(String thumbnailType, String promotionType) {
        this.thumbnailType = thumbnailType;
        this.promotionType = promotionType;
    }

    /**
     * Processing produced the signed manifest: the content carries its originality mark and is
     * listed. The manifest itself is kept apart ({@link SealedManifest}).
     */
    public SealedManifest list(String sealedManifest, String root, Instant now) {
        if (status != ContentStatus.PROCESSING) {
            throw new IllegalStateException(id + " is " + status);
        }
        this.rootHash = root;
        this.status = ContentStatus.LISTED;
        this.listedAt = now;
        return new SealedManifest(id, sealedManifest);
    }

    /** Processing failed; a content already listed stays listed (a second, late processing cannot undo it). */
    public void reject(String reason) {
        if (status != ContentStatus.PROCESSING) {
            return;
        }
        this.status = ContentStatus.REJECTED;
        this.rejection = reason == null ? null : reason.substring(0, Math.min(200, reason.length()));
    }

    /** A user's rating changed from {@code previous} (0 when none) to {@code stars}. */
    public void rated(int previous, int stars) {
        if (previous == 0) {
            ratingCount++;
        }
        ratingSum += stars - previous;
        ratingTenths = Math.round(ratingSum * 10.0 / ratingCount);
    }

    /**
     * One more media received the whole content; {@code redistributed} when a terminal (not only
     * the center) delivered some of it. Counted once per reception, when it completes.
     */
    public void received(boolean redistributed) {
        receptions++;
        if (redistributed) {
            redistributions++;
        }
    }

    public void boardPosted() {
        boardPosts++;
    }

    public boolean listed() {
        return status == ContentStatus.LISTED;
    }

    /** The average rating in tenths (42 = 4.2), or 0 without ratings. */
    public long averageRatingTenths() {
        return ratingTenths;
    }

    public String id() {
        return id;
    }

    public String holder() {
        return holder;
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public Genre genre() {
        return genre;
    }

    public Writer writer() {
        return writer;
    }

    public long unitCost() {
        return unitCost;
    }

    public boolean redistributionAllowed() {
        return redistributionAllowed;
    }

    public int redistributorSharePercent() {
        return redistributorSharePercent;
    }

    public long previewBytes() {
        return previewBytes;
    }

    public String performerComment() {
        return performerComment;
    }

    public String creatorComment() {
        return creatorComment;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public String thumbnailType() {
        return thumbnailType;
    }

    public String promotionType() {
        return promotionType;
    }

    public ContentStatus status() {
        return status;
    }

    public String rejection() {
        return rejection;
    }

    public String rootHash() {
        return rootHash;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant listedAt() {
        return listedAt;
    }

    public long receptions() {
        return receptions;
    }

    public long redistributions() {
        return redistributions;
    }

    public long ratingCount() {
        return ratingCount;
    }

    public long boardPosts() {
        return boardPosts;
    }

    public long revision() {
        return revision;
    }
}
