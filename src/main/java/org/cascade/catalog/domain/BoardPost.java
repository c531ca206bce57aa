package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A post on a content's bulletin board. Plain text, bounded; pages always escape it. The
 * content's holder and the operator may hide it (and show it again); hidden posts are kept.
 */
@Entity
@Table(name = "BOARD_POST")
@NamedQuery(name = "BoardPost.findByContent",
        query = "select p from BoardPost p where p.contentId = :content order by p.id desc")
@NamedQuery(name = "BoardPost.findVisibleByContent",
        query = "select p from BoardPost p where p.contentId = :content and p.hiddenBy is null order by p.id desc")
public class BoardPost {

    public static final int MAX_LENGTH = 1000;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 16)
    private String contentId;

    @Column(nullable = false, length = 32)
    private String author;

    @Column(nullable = false, length = MAX_LENGTH)
    private String text;

    @Column(nullable = false)
    private Instant postedAt;

    @Column(length = 32)
    private String hiddenBy;

    protected BoardPost() {
    }

    public BoardPost(String contentId, String author, String text, Instant now) {
        this.contentId = contentId;
        this.author = author;
        this.text = Texts.required(text, MAX_LENGTH, "board.text.invalid");
        this.postedAt = now;
    }

    public void hide(String moderator) {
        this.hiddenBy = moderator;
    }

    public void show() {
        this.hiddenBy = null;
    }

    public Long id() {
        return id;
    }

    public String contentId() {
        return contentId;
    }

    public String author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public String hiddenBy() {
        return hiddenBy;
    }

    public boolean hidden() {
        return hiddenBy != null;
    }
}
