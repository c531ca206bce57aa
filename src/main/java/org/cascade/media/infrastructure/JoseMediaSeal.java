package org.cascade.media.infrastructure;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
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
import org.cascade.platform.infrastructure.CenterSignature;

/**
 * Media parts as compact JWS signed with the center's key, under {@link CenterSignature}'s rules;
 * each part has its own type, so a RAM cannot pass for a ROM.
 */
public class JoseMediaSeal implements MediaSeal {

    static final JOSEObjectType ROM_TYPE = new JOSEObjectType("cascade-media-rom+jwt");
    static final JOSEObjectType RAM_TYPE = new JOSEObjectType("cascade-media-ram+jwt");
    private static final int MAX_COMPACT_LENGTH = 16_384;

    private final CenterSignature signature;

    public JoseMediaSeal(ECKey key, String issuer) {
        this.signature = new CenterSignature(key, issuer);
    }

    @Override
    public String issuer() {
        return signature.issuer();
    }

    @Override
    public String sealRom(MediaRom rom) {
        Map<String, Object> romClaims = new LinkedHashMap<>();
        romClaims.put("store", rom.storeId());
        romClaims.put("storeName", rom.storeName());
        romClaims.put("program", rom.programVersion());
        romClaims.put("accessKey", rom.accessKey());
        return signature.sign(ROM_TYPE, new JWTClaimsSet.Builder()
                .subject(rom.serial()).issueTime(Date.from(rom.issuedAt())).claim("rom", romClaims));
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
        return signature.sign(RAM_TYPE, new JWTClaimsSet.Builder()
                .subject(ram.serial()).issueTime(Date.from(ram.writtenAt())).claim("ram", ramClaims));
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
        CenterSignature.Verified v = signature.verify(compact, expectedType, MAX_COMPACT_LENGTH);
        if (v.accepted()) {
            return MediaReading.of(v.claims());
        }
        return MediaReading.refused(switch (v.failure()) {
            case MALFORMED -> MediaRefusal.MALFORMED;
            case FOREIGN -> MediaRefusal.FOREIGN;
            case ALTERED -> MediaRefusal.ALTERED;
        });
    }
}
