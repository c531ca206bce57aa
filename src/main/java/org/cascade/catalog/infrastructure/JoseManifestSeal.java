package org.cascade.catalog.infrastructure;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cascade.catalog.domain.Manifest;
import org.cascade.catalog.domain.ManifestSeal;
import org.cascade.platform.infrastructure.CenterKey;
import org.cascade.platform.infrastructure.CenterSignature;

/** Manifests as JWS of type {@code cascade-manifest+jwt}, signed and read under {@link CenterSignature}'s rules. */
public class JoseManifestSeal implements ManifestSeal {

    static final JOSEObjectType TYPE = new JOSEObjectType("cascade-manifest+jwt");

    /** 4 GiB in 256 KiB pieces is 16,384 digests: about 1.1 MB of JWS. */
    private static final int MAX_LENGTH = 4 * 1024 * 1024;

    private final CenterSignature signature;

    public JoseManifestSeal(CenterKey center) {
        this.signature = new CenterSignature(center.key(), center.issuer());
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
        return signature.sign(TYPE, new JWTClaimsSet.Builder().subject(m.contentId()).claim("manifest", body));
    }

    @Override
    public String restated(String stored) {
        return CenterSignature.withLowS(stored);
    }

    @Override
    public Optional<Manifest> read(String sealed) {
        CenterSignature.Verified v = signature.verify(sealed, TYPE, MAX_LENGTH);
        if (!v.accepted()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet c = v.claims();
            Map<String, Object> m = c.getJSONObjectClaim("manifest");
            List<String> pieces = new ArrayList<>();
            for (Object o : (List<?>) m.get("pieces")) {
                pieces.add((String) o);
            }
            return Optional.of(new Manifest(c.getSubject(), ((Number) m.get("size")).longValue(), ((Number) m.get("pieceSize")).intValue(),
                    pieces, (String) m.get("root"), (String) m.get("file"), (String) m.get("holder"), ((Number) m.get("unitCost")).longValue()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
