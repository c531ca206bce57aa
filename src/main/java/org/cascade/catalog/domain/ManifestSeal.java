package org.cascade.catalog.domain;

import java.util.Optional;

/** Signs manifests with the center's key, and reads back only what this center signed. */
public interface ManifestSeal {

    String seal(Manifest manifest);

    /** The manifest, or empty when the text is not a manifest signed by this center. */
    Optional<Manifest> read(String sealed);

    /**
     * A manifest this center stored, in the one form {@link #read} accepts: one sealed before the
     * center signed only with the low s may carry the other of its two ECDSA signatures, and is
     * given the low one (same key, same bytes signed). For the center's own records only, never
     * for a text someone presents.
     */
    String restated(String stored);
}
