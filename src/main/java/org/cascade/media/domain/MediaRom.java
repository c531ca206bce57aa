package org.cascade.media.domain;

import java.time.Instant;

/**
 * The ROM area of a storage media (FIG. 5): written once when the store sells it, never changed.
 * The access key is the media's secret; the center keeps only its hash.
 */
public record MediaRom(String serial, String issuer, long storeId, String storeName, Instant issuedAt,
                       int programVersion, String accessKey) {
}
