package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A content's signed manifest, kept apart from the content's row: it can be a megabyte for a
 * 4 GiB content, and the lists, which read many contents, never need it.
 */
@Entity
@Table(name = "CONTENT_MANIFEST")
public class SealedManifest {

    @Id
    @Column(length = 16)
    private String contentId;

    @Lob
    @Column(nullable = false)
    private String jws;

    protected SealedManifest() {
    }

    public SealedManifest(String contentId, String jws) {
        this.contentId = contentId;
        this.jws = jws;
    }

    public String contentId() {
        return contentId;
    }

    public String jws() {
        return jws;
    }
}
