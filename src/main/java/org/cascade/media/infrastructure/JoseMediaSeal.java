package org.cascade.media.infrastructure;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.media.domain.MediaRam;
import org.cascade.media.domain.MediaReading;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.media.domain.MediaRom;
import org.cascade.media.domain.MediaSeal;

/**
 * Media parts as compact JWS signed with the center's ES256 key. Reading follows RFC 8725: the
 * algorithm must be ES256 (so "none" and HMAC tricks are refused before any signature check),
 * the explicit type must be the part's own (a RAM cannot pass for a ROM), the key id must be this
 * center's, and so must the issuer.
 */
public class JoseMediaSeal implements MediaSeal {

    static final JOSEObjectType ROM_TYPE = new JOSEObjectType("cascade-media-rom+jwt");
    static final JOSEObjectType RAM_TYPE = new JOSEObjectType("cascade-media-ram+jwt");
    private static final int MAX_COMPACT_LENGTH = 16_384;

    private final ECKey key;
    private final String issuer;
    private final ECDSASigner signer;
    private final ECDSAVerifier verifier;

    public JoseMediaSeal(ECKey key, String issuer) {
        try {
            this.key = key;
            this.issuer = issuer;
            this.signer = new ECDSASigner(key);
            this.verifier = new ECDSAVerifier(key.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("the media signing key is unusable", e);
        }
    }

    @Override
    public String issuer() {
        return issuer;
    }

    @Override
    public String sealRom(MediaRom rom) {
        Map<String, Object> romClaims = new LinkedHashMap<>();
        romClaims.put("store", rom.storeId());
        romClaims.put("storeName", rom.storeName());
        romClaims.put("program", rom.programVersion());
        romClaims.put("accessKey", rom.accessKey());
        return sign(ROM_TYPE, new JWTClaimsSet.Builder()
                .issuer(rom.issuer()).subject(rom.serial()).issueTime(Date.from(rom.issuedAt()))
                .claim("rom", romClaims).build());
    }

    @Override
    public String sealRam(MediaRam ram) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (MediaRam.Line l : ram.lastRecords()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", l.eventId());
            m.put("at", l.at().toString());
            m.put("reason", l.reason());
            m.put("amount", l.amount());
            m.put("balance", l.balance());
            m.put("partner", l.partner());
            lines.add(m);
        }
        Map<String, Object> ramClaims = new LinkedHashMap<>();
        ramClaims.put("version", ram.version());
        ramClaims.put("balance", ram.balance());
        ramClaims.put("records", lines);
        return sign(RAM_TYPE, new JWTClaimsSet.Builder()
                .issuer(ram.issuer()).subject(ram.serial()).issueTime(Date.from(ram.writtenAt()))
                .claim("ram", ramClaims).build());
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public MediaReading<MediaRom> readRom(String compact) {
        MediaReading<JWTClaimsSet> read = verify(compact, ROM_TYPE);
        if (read.refused()) {
            return MediaReading.refused(read.refusal());
        }
        try {
            JWTClaimsSet c = read.content();
            Map<String, Object> rom = c.getJSONObjectClaim("rom");
            if (rom == null || c.getSubject() == null || c.getIssueTime() == null || !(rom.get("accessKey") instanceof String)) {
                return MediaReading.refused(MediaRefusal.MALFORMED);
            }
            return MediaReading.of(new MediaRom(c.getSubject(), c.getIssuer(), ((Number) rom.get("store")).longValue(),
                    (String) rom.get("storeName"), c.getIssueTime().toInstant(), ((Number) rom.get("program")).intValue(),
                    (String) rom.get("accessKey")));
        } catch (ParseException | ClassCastException | NullPointerException e) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
    }

    @Override
    public MediaReading<MediaRam> readRam(String compact) {
        MediaReading<JWTClaimsSet> read = verify(compact, RAM_TYPE);
        if (read.refused()) {
            return MediaReading.refused(read.refusal());
        }
        try {
            JWTClaimsSet c = read.content();
            Map<String, Object> ram = c.getJSONObjectClaim("ram");
            if (ram == null || c.getSubject() == null || c.getIssueTime() == null) {
                return MediaReading.refused(MediaRefusal.MALFORMED);
            }
            List<MediaRam.Line> lines = new ArrayList<>();
            Object records = ram.get("records");
            if (records instanceof List<?> list) {
                for (Object o : list) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    lines.add(new MediaRam.Line(((Number) m.get("event")).longValue(), Instant.parse((String) m.get("at")),
                            (String) m.get("reason"), ((Number) m.get("amount")).longValue(),
                            ((Number) m.get("balance")).longValue(), (String) m.get("partner")));
                }
            }
            return MediaReading.of(new MediaRam(c.getSubject(), c.getIssuer(), ((Number) ram.get("version")).longValue(),
                    ((Number) ram.get("balance")).longValue(), c.getIssueTime().toInstant(), lines));
        } catch (ParseException | ClassCastException | NullPointerException | java.time.DateTimeException e) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
    }

    private MediaReading<JWTClaimsSet> verify(String compact, JOSEObjectType expectedType) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_COMPACT_LENGTH) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !expectedType.equals(header.getType())) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
        if (!key.getKeyID().equals(header.getKeyID())) {
            return MediaReading.refused(MediaRefusal.FOREIGN);
        }
        try {
            if (!jwt.verify(verifier)) {
                return MediaReading.refused(MediaRefusal.ALTERED);
            }
        } catch (JOSEException | IllegalStateException e) {
            return MediaReading.refused(MediaRefusal.ALTERED);
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return MediaReading.refused(MediaRefusal.FOREIGN);
            }
            return MediaReading.of(claims);
        } catch (ParseException e) {
            return MediaReading.refused(MediaRefusal.MALFORMED);
        }
    }
}
