package org.cascade.catalog.domain;

/** What an uploaded file is for, which bounds its size. */
public enum UploadPurpose {
    /** A content file: as large as the center accepts (server.xml's {@code cascade.upload.max.bytes}). */
    CONTENT,
    /** A promotion image: small enough to be shown in a list. */
    IMAGE;

    public static final long IMAGE_MAX_BYTES = 2L * 1024 * 1024;

    /** The largest file of this purpose, given the center's cap on contents. */
    public long maxBytes(long contentCap) {
        return this == IMAGE ? Math.min(IMAGE_MAX_BYTES, contentCap) : contentCap;
    }
}
