package org.cascade.platform.infrastructure;

import com.nimbusds.jose.jwk.ECKey;

/** The center's signing key (EC P-256, ES256) and the issuer name everything it signs carries. */
public record CenterKey(ECKey key, String issuer) {
}
