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
import java.math.BigInteger;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Everything the center signs (media parts, manifests) and reads back, under one set of rules
 * (RFC 8725): ES256 only, so "none" and HMAC tricks are refused before any signature check; the
 * explicit type must be the one expected, so one kind of token cannot pass for another; the key
 * id and the issuer must be this center's. And a token has exactly one accepted spelling: every
 * part is base64url as the center writes it (no padding, no other alphabet, unused trailing bits
 * zero), and the signature's s is the low one of the two ECDSA accepts, s ≤ n/2; the center signs
 * only in that form (see {@link #sign} for tokens signed before it did).
 */
public final class CenterSignature {

    /** Why a token was not accepted. */
    public enum Failure {
        /** Unreadable, too long, another algorithm or another type. */
        MALFORMED,
        /** Signed by another key, or naming another issuer. */
        FOREIGN,
        /**
         * This center's key id, but the signature does not match, or the token is not spelled as
         * the center spells it: changed since it was signed.
         */
        ALTERED
    }

    /** The claims of an accepted token, or why it was not accepted. */
    public record Verified(JWTClaimsSet claims, Failure failure) {

        public boolean accepted() {
            return failure == null;
        }
    }

    /** The order n of the P-256 group; of the two signatures (r, s) and (r, n − s) only the one with s ≤ n/2 is accepted. */
    private static final BigInteger P256_ORDER = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final int ES256_SIGNATURE_BYTES = 64;

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

    /**
     * Signs the claims (the issuer is set here) as a compact JWS of the given type, in the one
     * form {@link #verify} accepts. Java's ECDSA gives a high s half the time; it is replaced here
     * by n − s, which signs the same bytes. (Tokens signed before this was done are high-s half
     * the time and refused now: manifests, which the center keeps, are restated on their way
     * out; RAM parts are re-signed at every insertion; a ROM lives only in its buyer's file,
     * which the terminal page restates before presenting it.)
     */
    public String sign(JOSEObjectType type, JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build(),
                claims.issuer(issuer).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return withLowS(jwt.serialize());
    }

    /**
     * The same token with the low s, when its ES256 signature has the high one (the other
     * signature ECDSA accepts for the same bytes); anything else unchanged. What the center
     * signed before it signed only with the low s is turned by this into the form accepted now.
     */
    public static String withLowS(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return compact;
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return compact;
        }
        if (signature.length != ES256_SIGNATURE_BYTES) {
            return compact;
        }
        BigInteger s = sOf(signature);
        if (s.compareTo(HALF_ORDER) <= 0 || s.compareTo(P256_ORDER) >= 0) {
            return compact;
        }
        byte[] low = P256_ORDER.subtract(s).toByteArray();
        Arrays.fill(signature, 32, ES256_SIGNATURE_BYTES, (byte) 0);
        int n = Math.min(low.length, 32);
        System.arraycopy(low, low.length - n, signature, ES256_SIGNATURE_BYTES - n, n);
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    public Verified verify(String compact, JOSEObjectType expectedType, int maxLength) {
        if (compact == null || compact.length() > maxLength || !COMPACT.matcher(compact).matches()) {
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
        if (!canonical(compact)) {
            return new Verified(null, Failure.ALTERED);
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

    /** Each part re-encodes to itself, and the signature is 64 bytes with 0 < s ≤ n/2 (r is checked by the verifier). */
    private static boolean canonical(String compact) {
        String[] parts = compact.split("\\.", -1);
        byte[] signature = null;
        for (String part : parts) {
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(part);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
                return false;
            }
            signature = bytes;
        }
        if (signature.length != ES256_SIGNATURE_BYTES) {
            return false;
        }
        BigInteger s = sOf(signature);
        return s.signum() > 0 && s.compareTo(HALF_ORDER) <= 0;
    }

    /** The s of an ES256 signature r || s, each 32 bytes. */
    private static BigInteger sOf(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, ES256_SIGNATURE_BYTES));
    }
}
