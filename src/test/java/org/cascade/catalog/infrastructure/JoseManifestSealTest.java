package org.cascade.catalog.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cascade.catalog.domain.Manifest;
import org.cascade.platform.infrastructure.CenterKey;
import org.cascade.testing.JwsForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JoseManifestSealTest {

    private static final String ISSUER = "urn:cascade:center:k1";
    private static final String H1 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String H2 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static ECKey key;
    private static ECKey otherKeyOtherKid;
    private static ECKey otherKeySameKid;

    @BeforeAll
    static void keys() throws JOSEException {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        otherKeyOtherKid = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        otherKeySameKid = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    }

    private static JoseManifestSeal seal() {
        return new JoseManifestSeal(new CenterKey(key, ISSUER));
    }

    private static Manifest manifest() {
        // 300,000 bytes in 262,144-byte pieces: two pieces, the last partial.
        return new Manifest("C0000000000000A1", 300_000L, Manifest.DEFAULT_PIECE_SIZE, List.of(H1, H2),
                "1111111111111111111111111111111111111111111111111111111111111111",
                "2222222222222222222222222222222222222222222222222222222222222222", "holder-7", 1_500L);
    }

    private static String withPart(String compact, int index, String part) {
        String[] p = compact.split("\\.", -1);
        p[index] = part;
        return String.join(".", p);
    }

    private static JWTClaimsSet genuineClaims() throws ParseException {
        return SignedJWT.parse(seal().seal(manifest())).getJWTClaimsSet();
    }

    private static String signEs256(ECKey with, JOSEObjectType type, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(with.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(with));
        // Signed as the center signs: of the two ECDSA signatures, the one with the low s.
        String compact = jwt.serialize();
        return JwsForms.lowS(compact) ? compact : JwsForms.withOtherS(compact);
    }

    @Test
    void sealedManifestReadsBackEqual() {
        Manifest m = manifest();

        assertEquals(Optional.of(m), seal().read(seal().seal(m)));
    }

    @Test
    void sealedEmptyManifestReadsBackEqual() {
        Manifest m = new Manifest("C0000000000000A2", 0L, 1024, List.of(), H2, H2, "holder-7", 0L);

        assertEquals(Optional.of(m), seal().read(seal().seal(m)));
    }

    @Test
    void sealCarriesEs256TheManifestTypeOurKidIssuerAndContentAsSubject() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(seal().seal(manifest()));

        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("cascade-manifest+jwt", jwt.getHeader().getType().getType());
        assertEquals("k1", jwt.getHeader().getKeyID());
        assertEquals(ISSUER, jwt.getJWTClaimsSet().getIssuer());
        assertEquals("C0000000000000A1", jwt.getJWTClaimsSet().getSubject());
    }

    @Test
    void flippedPayloadCharacterIsRefused() {
        String compact = seal().seal(manifest());
        String payload = compact.split("\\.")[1];
        int i = payload.length() / 2;
        char flipped = payload.charAt(i) == 'A' ? 'B' : 'A';
        String altered = withPart(compact, 1, payload.substring(0, i) + flipped + payload.substring(i + 1));

        assertNotEquals(compact, altered);
        assertTrue(seal().read(altered).isEmpty());
    }

    @Test
    void payloadOfAnotherGenuineManifestUnderThisSignatureIsRefused() {
        String genuine = seal().seal(manifest());
        Manifest cheaper = new Manifest("C0000000000000A1", 300_000L, Manifest.DEFAULT_PIECE_SIZE, List.of(H1, H2),
                manifest().root(), manifest().fileHash(), "holder-7", 1L);
        String otherPayload = seal().seal(cheaper).split("\\.")[1];

        assertTrue(seal().read(withPart(genuine, 1, otherPayload)).isEmpty());
    }

    @Test
    void manifestSignedByAnotherKeyWithAnotherKidIsRefused() {
        JoseManifestSeal forger = new JoseManifestSeal(new CenterKey(otherKeyOtherKid, ISSUER));

        assertTrue(seal().read(forger.seal(manifest())).isEmpty());
    }

    @Test
    void manifestSignedByAnotherKeyUnderOurKidIsRefused() {
        JoseManifestSeal forger = new JoseManifestSeal(new CenterKey(otherKeySameKid, ISSUER));

        assertTrue(seal().read(forger.seal(manifest())).isEmpty());
    }

    @Test
    void manifestOfAnotherIssuerWithTheSameKeyIsRefused() {
        JoseManifestSeal otherCenter = new JoseManifestSeal(new CenterKey(key, "urn:cascade:center:elsewhere"));

        assertTrue(seal().read(otherCenter.seal(manifest())).isEmpty());
    }

    @Test
    void unsecuredAlgNoneTokenIsRefused() {
        String genuine = seal().seal(manifest());
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"cascade-manifest+jwt\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));

        assertTrue(seal().read(header + "." + genuine.split("\\.")[1] + ".").isEmpty());
    }

    @Test
    void hmacTokenUnderOurKidAndTypeIsRefused() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JoseManifestSeal.TYPE).keyID("k1").build(),
                genuineClaims());
        jwt.sign(new MACSigner(secret));

        assertTrue(seal().read(jwt.serialize()).isEmpty());
    }

    @Test
    void tokenOfAnotherTypeSignedWithTheRightKeyIsRefused() throws Exception {
        JWTClaimsSet claims = genuineClaims();

        assertTrue(seal().read(signEs256(key, JoseManifestSeal.TYPE, claims)).isPresent(),
                "control: the same claims re-signed as a manifest are read");
        assertTrue(seal().read(signEs256(key, new JOSEObjectType("cascade-media-ram+jwt"), claims)).isEmpty());
        assertTrue(seal().read(signEs256(key, null, claims)).isEmpty(), "no explicit type");
    }

    @Test
    void genuinelySignedTokenWithoutManifestClaimIsRefused() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("C0000000000000A1").build();

        assertTrue(seal().read(signEs256(key, JoseManifestSeal.TYPE, claims)).isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(seal().read("garbage").isEmpty());
        assertTrue(seal().read("not.a.token").isEmpty());
        assertTrue(seal().read("...").isEmpty());
        assertTrue(seal().read("").isEmpty());
        assertTrue(seal().read(null).isEmpty());
    }

    @Test
    void everySingleCharacterChangeOfASealedManifestIsRefused() {
        String genuine = seal().seal(manifest());
        List<JwsForms.Change> changes = JwsForms.singleCharacterChanges(genuine);
        List<JwsForms.Change> read = changes.stream().filter(c -> seal().read(c.text()).isPresent()).toList();

        assertTrue(seal().read(genuine).isPresent(), "control: the genuine manifest is read");
        assertTrue(read.isEmpty(), () -> read.size() + " of " + changes.size() + " changes read, of "
                + genuine.length() + " characters: " + read);
    }

    @Test
    void theOtherSignatureOfAGenuineManifestIsRefused() {
        String genuine = seal().seal(manifest());

        assertTrue(JwsForms.lowS(genuine), "the center signs with the low s");
        assertTrue(seal().read(JwsForms.withOtherS(genuine)).isEmpty());
    }

    @Test
    void aStoredManifestOfTheHighSIsRestatedInTheFormThatIsRead() {
        Manifest m = manifest();
        String genuine = seal().seal(m);
        String stored = JwsForms.withOtherS(genuine);

        assertTrue(seal().read(stored).isEmpty(), "the high-s form itself is refused");
        assertEquals(genuine, seal().restated(stored));
        assertEquals(Optional.of(m), seal().read(seal().restated(stored)));
        assertEquals(genuine, seal().restated(genuine), "a low-s manifest stays as it is");
    }

    @Test
    void restatingDoesNotMakeAnAlteredManifestReadable() {
        String genuine = seal().seal(manifest());
        String payload = genuine.split("\\.")[1];
        String altered = withPart(genuine, 1, payload.substring(0, 10) + (payload.charAt(10) == 'A' ? 'B' : 'A') + payload.substring(11));

        assertTrue(seal().read(seal().restated(altered)).isEmpty());
        assertTrue(seal().read(seal().restated(JwsForms.withOtherS(altered))).isEmpty());
        assertEquals("garbage", seal().restated("garbage"));
    }
}
