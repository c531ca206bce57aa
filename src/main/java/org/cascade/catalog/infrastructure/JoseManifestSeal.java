package org.cascade.catalog.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cascade.catalog.domain.Manifest;
import org.cascade.catalog.domain.ManifestSeal;
import org.cascade.platform.infrastructure.CenterKey;

/** Manifests as ES256 JWS of type {@code cascade-manifest+jwt}, signed with the center's key; read back under the same rules as media. */
public class JoseManifestSeal implements ManifestSeal {

    static final JOSEObjectType TYPE = new JOSEObjectType("cascade-manifest+jwt");

    private final CenterKey center;
    private final ECDSASigner signer;
    private final ECDSAVerifier verifier;

    public JoseManifestSeal(CenterKey center) {
        this.center = center;
        try {
            this.signer = new ECDSASigner(center.key());
            this.verifier = new ECDSAVerifier(center.key().toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String seal(Manifest m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", m.size());
        body.put("pieceSize", m.pieceSize());
        body.put("pieces", m.pieceHashes());
        body.put("root", m.root());
        body.put("file", m.fileHash());
        body.put("holder", m.holder());
        body.put("unitCost", m.unitCost());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(center.key().getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(center.issuer()).subject(m.contentId()).claim("manifest", body).build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<Manifest> read(String sealed) {
        // 4 GiB in 256 KiB pieces is 16,384 digests: about 1.1 MB of JWS.
        if (sealed == null || sealed.length() > 4 * 1024 * 1024) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(sealed);
            JWSHeader h = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(h.getAlgorithm()) || !TYPE.equals(h.getType())
                    || !center.key().getKeyID().equals(h.getKeyID()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!center.issuer().equals(c.getIssuer())) {
                return Optional.empty();
            }
            Map<String, Object> m = c.getJSONObjectClaim("manifest");
            List<String> pieces = new ArrayList<>();
            for (Object o : (List<?>) m.get("pieces")) {
                pieces.add((String) o);
            }
            return Optional.of(new Manifest(c.getSubject(), ((Number) m.get("size")).longValue(), ((Number) m.get("pieceSize")).intValue(),
                    pieces, (String) m.get("root"), (String) m.get("file"), (String) m.get("holder"), ((Number) m.get("unitCost")).longValue()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
