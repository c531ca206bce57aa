package org.cascade.catalog.domain;

import java.util.Optional;

/** Signs manifests with the center's key, and reads back only what this center signed. */
public interface ManifestSeal {

    String seal(Manifest manifest);

    /** The manifest, or empty when the text is not a manifest signed by this center. */
    Optional<Manifest> read(String sealed);
}
