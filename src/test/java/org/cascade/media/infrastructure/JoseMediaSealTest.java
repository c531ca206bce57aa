package org.cascade.media.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cascade.media.domain.MediaRam;
import org.cascade.media.domain.MediaReading;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.media.domain.MediaRom;
import org.cascade.testing.JwsForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JoseMediaSealTest {

    private static final String ISSUER = "urn:cascade:center:k1";
    /** JWT times are whole seconds, so the round trip is exact only for those. */
    private static final Instant ISSUED = Instant.parse("2025-04-01T09:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2025-04-02T18:30:05Z");

    private static ECKey key;
    private static ECKey otherKeyOtherKid;
    private static ECKey otherKeySameKid;

    @BeforeAll
    static void keys() throws JOSEException {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        otherKeyOtherKid = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        otherKeySameKid = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    }

    private static JoseMediaSeal seal() {
        return new JoseMediaSeal(key, ISSUER);
    }

    private static MediaRom rom(String issuer) {
        return new MediaRom("CM-ABCD-EFGH", issuer, 12L, "Shibuya counter", ISSUED, 1, "s3cr3t-access-key");
    }

    private static MediaRam ram(String issuer) {
        return new MediaRam("CM-ABCD-EFGH", issuer, 3L, 4200L, WRITTEN, List.of(
                new MediaRam.Line(31L, Instant.parse("2025-04-02T18:30:04.123456789Z"), "REPLENISHMENT", 1200L, 4200L, "store:12"),
                new MediaRam.Line(17L, Instant.parse("2025-04-01T09:00:00.5Z"), "MEDIA_SALE", 3000L, 3000L, "store:12")));
    }

    private static String withPart(String compact, int index, String part) {
        String[] p = compact.split("\\.", -1);
        p[index] = part;
        return String.join(".", p);
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signEs256(ECKey with, String type, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new com.nimbusds.jose.JOSEObjectType(type)).keyID(with.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(with));
        // Signed as the center signs: of the two ECDSA signatures, the one with the low s.
        String compact = jwt.serialize();
        return JwsForms.lowS(compact) ? compact : JwsForms.withOtherS(compact);
    }

    private static <T> void assertRefused(MediaRefusal expected, MediaReading<T> reading) {
        assertTrue(reading.refused(), "expected " + expected + " but was read: " + reading.content());
        assertEquals(expected, reading.refusal());
        assertNull(reading.content());
    }

    @Test
    void sealedRomReadsBackEqual() {
        MediaRom rom = rom(ISSUER);

        MediaReading<MediaRom> read = seal().readRom(seal().sealRom(rom));

        assertFalse(read.refused(), () -> "refused: " + read.refusal());
        assertEquals(rom, read.content());
    }

    @Test
    void sealedRamReadsBackEqual() {
        MediaRam ram = ram(ISSUER);

        MediaReading<MediaRam> read = seal().readRam(seal().sealRam(ram));

        assertFalse(read.refused(), () -> "refused: " + read.refusal());
        assertEquals(ram, read.content());
    }

    @Test
    void sealedRamWithoutRecordsReadsBackEqual() {
        MediaRam ram = new MediaRam("CM-ABCD-EFGH", ISSUER, 0L, 0L, WRITTEN, List.of());

        assertEquals(ram, seal().readRam(seal().sealRam(ram)).content());
    }

    @Test
    void sealedPartsCarryTheirExplicitTypeAndKeyId() throws Exception {
        JWSHeader romHeader = SignedJWT.parse(seal().sealRom(rom(ISSUER))).getHeader();
        JWSHeader ramHeader = SignedJWT.parse(seal().sealRam(ram(ISSUER))).getHeader();

        assertEquals(JWSAlgorithm.ES256, romHeader.getAlgorithm());
        assertEquals("cascade-media-rom+jwt", romHeader.getType().getType());
        assertEquals("cascade-media-ram+jwt", ramHeader.getType().getType());
        assertEquals("k1", romHeader.getKeyID());
        assertEquals("k1", ramHeader.getKeyID());
    }

    @Test
    void flippedCharacterInPayloadIsAltered() {
        String compact = seal().sealRam(ram(ISSUER));
        String payload = compact.split("\\.")[1];
        int i = payload.length() / 2;
        char flipped = payload.charAt(i) == 'A' ? 'B' : 'A';
        String altered = withPart(compact, 1, payload.substring(0, i) + flipped + payload.substring(i + 1));

        assertNotEquals(compact, altered);
        assertRefused(MediaRefusal.ALTERED, seal().readRam(altered));
    }

    @Test
    void payloadSwappedFromAnotherGenuineTokenIsAltered() {
        String genuine = seal().sealRam(ram(ISSUER));
        MediaRam richer = new MediaRam("CM-ABCD-EFGH", ISSUER, 3L, 999_999L, WRITTEN, List.of());
        String otherPayload = seal().sealRam(richer).split("\\.")[1];

        assertRefused(MediaRefusal.ALTERED, seal().readRam(withPart(genuine, 1, otherPayload)));
    }

    @Test
    void tokenSignedByAnotherKeyWithAnotherKidIsForeign() {
        JoseMediaSeal forger = new JoseMediaSeal(otherKeyOtherKid, ISSUER);

        assertRefused(MediaRefusal.FOREIGN, seal().readRam(forger.sealRam(ram(ISSUER))));
        assertRefused(MediaRefusal.FOREIGN, seal().readRom(forger.sealRom(rom(ISSUER))));
    }

    @Test
    void tokenSignedByAnotherKeyUnderOurKidIsAltered() {
        JoseMediaSeal forger = new JoseMediaSeal(otherKeySameKid, ISSUER);

        assertRefused(MediaRefusal.ALTERED, seal().readRam(forger.sealRam(ram(ISSUER))));
        assertRefused(MediaRefusal.ALTERED, seal().readRom(forger.sealRom(rom(ISSUER))));
    }

    @Test
    void tokenOfAnotherIssuerWithTheSameKeyIsForeign() {
        JoseMediaSeal otherCenter = new JoseMediaSeal(key, "urn:cascade:center:elsewhere");

        assertRefused(MediaRefusal.FOREIGN, seal().readRam(otherCenter.sealRam(ram(otherCenter.issuer()))));
        assertRefused(MediaRefusal.FOREIGN, seal().readRom(otherCenter.sealRom(rom(otherCenter.issuer()))));
    }

    @Test
    void tokenWithoutIssuerIsForeign() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("CM-ABCD-EFGH").issueTime(Date.from(WRITTEN))
                .claim("ram", Map.of("version", 1, "balance", 10)).build();

        assertRefused(MediaRefusal.FOREIGN, seal().readRam(signEs256(key, "cascade-media-ram+jwt", claims)));
    }

    @Test
    void unsecuredTokenIsMalformed() {
        String genuine = seal().sealRam(ram(ISSUER));
        String header = b64url("{\"alg\":\"none\",\"typ\":\"cascade-media-ram+jwt\",\"kid\":\"k1\"}");
        String unsecured = header + "." + genuine.split("\\.")[1] + ".";

        assertRefused(MediaRefusal.MALFORMED, seal().readRam(unsecured));
    }

    @Test
    void hmacTokenUnderOurKidAndTypeIsMalformed() throws JOSEException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(WRITTEN)).claim("ram", Map.of("version", 1, "balance", 1_000_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JoseMediaSeal.RAM_TYPE).keyID("k1").build(), claims);
        jwt.sign(new MACSigner(secret));

        assertRefused(MediaRefusal.MALFORMED, seal().readRam(jwt.serialize()));
    }

    @Test
    void ramTokenGivenAsRomIsMalformed() {
        assertRefused(MediaRefusal.MALFORMED, seal().readRom(seal().sealRam(ram(ISSUER))));
    }

    @Test
    void romTokenGivenAsRamIsMalformed() {
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(seal().sealRom(rom(ISSUER))));
    }

    @Test
    void tokenWithoutExplicitTypeIsMalformed() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(WRITTEN)).claim("ram", Map.of("version", 1, "balance", 1)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), claims);
        jwt.sign(new ECDSASigner(key));

        assertRefused(MediaRefusal.MALFORMED, seal().readRam(jwt.serialize()));
    }

    @Test
    void genuinelySignedTokenMissingItsPartIsMalformed() throws JOSEException {
        JWTClaimsSet noRam = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(WRITTEN)).build();
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder().issuer(ISSUER).issueTime(Date.from(WRITTEN))
                .claim("ram", Map.of("version", 1, "balance", 1)).build();

        assertRefused(MediaRefusal.MALFORMED, seal().readRam(signEs256(key, "cascade-media-ram+jwt", noRam)));
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(signEs256(key, "cascade-media-ram+jwt", noSubject)));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom(signEs256(key, "cascade-media-rom+jwt", noRam)));
    }

    @Test
    void genuinelySignedTokenWithWrongClaimTypesIsMalformed() throws JOSEException {
        JWTClaimsSet textVersion = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(WRITTEN)).claim("ram", Map.of("version", "three", "balance", 1)).build();
        JWTClaimsSet badLineTime = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(WRITTEN)).claim("ram", Map.of("version", 1, "balance", 1, "records",
                        List.of(Map.of("event", 1, "at", "yesterday", "reason", "MEDIA_SALE", "amount", 1, "balance", 1))))
                .build();
        JWTClaimsSet romWithoutStore = new JWTClaimsSet.Builder().issuer(ISSUER).subject("CM-ABCD-EFGH")
                .issueTime(Date.from(ISSUED)).claim("rom", Map.of("program", 1, "accessKey", "x")).build();

        assertRefused(MediaRefusal.MALFORMED, seal().readRam(signEs256(key, "cascade-media-ram+jwt", textVersion)));
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(signEs256(key, "cascade-media-ram+jwt", badLineTime)));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom(signEs256(key, "cascade-media-rom+jwt", romWithoutStore)));
    }

    @Test
    void garbageIsMalformed() {
        assertRefused(MediaRefusal.MALFORMED, seal().readRam("garbage"));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom("not.a.token"));
        assertRefused(MediaRefusal.MALFORMED, seal().readRam("..."));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom("{\"format\":\"cascade-media/1\"}"));
    }

    @Test
    void nullAndEmptyAreMalformed() {
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(null));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom(null));
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(""));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom(""));
    }

    @Test
    void tokenOverSixteenKibibytesIsMalformedEvenIfGenuine() {
        MediaRam ram = new MediaRam("CM-ABCD-EFGH", ISSUER, 1L, 1L, WRITTEN, List.of(
                new MediaRam.Line(1L, WRITTEN, "X".repeat(16_384), 1L, 1L, "store:12")));
        String huge = seal().sealRam(ram);

        assertTrue(huge.length() > 16_384);
        assertRefused(MediaRefusal.MALFORMED, seal().readRam(huge));
        assertRefused(MediaRefusal.MALFORMED, seal().readRom("a".repeat(16_385)));
    }

    @Test
    void issuerIsTheOneGiven() {
        assertEquals(ISSUER, seal().issuer());
    }

    @Test
    void theOtherSignatureOfAGenuinePartIsAltered() {
        String rom = seal().sealRom(rom(ISSUER));
        String ram = seal().sealRam(ram(ISSUER));

        assertTrue(JwsForms.lowS(rom) && JwsForms.lowS(ram), "the center signs with the low s");
        assertRefused(MediaRefusal.ALTERED, seal().readRom(JwsForms.withOtherS(rom)));
        assertRefused(MediaRefusal.ALTERED, seal().readRam(JwsForms.withOtherS(ram)));
    }
}
