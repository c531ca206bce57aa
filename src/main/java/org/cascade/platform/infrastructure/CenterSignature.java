package org.cascade.platform.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * Everything the center signs (media parts, manifests) and reads back, under one set of rules
 * (RFC 8725): ES256 only, so "none" and HMAC tricks are refused before any signature check; the
 * explicit type must be the one expected, so one kind of token cannot pass for another; the key
 * id and the issuer must be this center's.
 */
public final class CenterSignature {

    /** Why a token was not accepted. */
    public enum Failure {
        /** Unreadable, too long, another algorithm or another type. */
        MALFORMED,
        /** Signed by another key, or naming another issuer. */
        FOREIGN,
        /** This center's key id, but the signature does not match: changed since it was signed. */
        ALTERED
    }

    /** The claims of an accepted token, or why it was not accepted. */
    public record Verified(JWTClaimsSet claims, Failure failure) {

        public boolean accepted() {
            return failure == null;
        }
    }

    private final ECKey key;
    private final String issuer;
    private final ECDSASigner signer;
    private final ECDSAVerifier verifier;

    public CenterSignature(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new ECDSASigner(key);
            this.verifier = new ECDSAVerifier(key.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("the center's signing key is unusable", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Signs the claims (the issuer is set here) as a compact JWS of the given type. */
    public String sign(JOSEObjectType type, JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build(),
                claims.issuer(issuer).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public Verified verify(String compact, JOSEObjectType expectedType, int maxLength) {
        if (compact == null || compact.isEmpty() || compact.length() > maxLength) {
            return new Verified(null, Failure.MALFORMED);
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            return new Verified(null, Failure.MALFORMED);
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !expectedType.equals(header.getType())) {
            return new Verified(null, Failure.MALFORMED);
        }
        if (!key.getKeyID().equals(header.getKeyID())) {
            return new Verified(null, Failure.FOREIGN);
        }
        try {
            if (!jwt.verify(verifier)) {
                return new Verified(null, Failure.ALTERED);
            }
        } catch (JOSEException | IllegalStateException e) {
            return new Verified(null, Failure.ALTERED);
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return new Verified(null, Failure.FOREIGN);
            }
            return new Verified(claims, null);
        } catch (ParseException e) {
            return new Verified(null, Failure.MALFORMED);
        }
    }
}
