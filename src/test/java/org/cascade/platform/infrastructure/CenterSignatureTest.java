package org.cascade.platform.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.List;
import org.cascade.testing.JwsForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CenterSignatureTest {

    private static final JOSEObjectType TYPE = new JOSEObjectType("cascade-test+jwt");
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Key ids of three lengths, so that among their headers some end with unused bits. */
    private static final List<CenterSignature> CENTERS = new ArrayList<>();

    @BeforeAll
    static void keys() throws JOSEException {
        for (String kid : List.of("k1", "k12", "k123")) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            CENTERS.add(new CenterSignature(key, "urn:cascade:center:" + kid));
        }
    }

    private static String sign(CenterSignature center, String subject) {
        return center.sign(TYPE, new JWTClaimsSet.Builder().subject(subject).claim("n", 42));
    }

    private static CenterSignature.Failure failure(CenterSignature center, String compact) {
        return center.verify(compact, TYPE, 16_384).failure();
    }

    @Test
    void signedTokensVerify() {
        for (CenterSignature center : CENTERS) {
            assertEquals(null, failure(center, sign(center, "a")));
        }
    }

    @Test
    void everySignatureTheCenterMakesHasTheLowS() {
        CenterSignature center = CENTERS.get(0);
        for (int i = 0; i < 64; i++) {
            String compact = sign(center, "a");
            assertTrue(JwsForms.lowS(compact), () -> "high s: " + compact);
        }
    }

    @Test
    void theOtherSignatureOfAGenuineTokenIsRefused() {
        CenterSignature center = CENTERS.get(0);
        for (int i = 0; i < 8; i++) {
            String genuine = sign(center, "a");
            assertEquals(CenterSignature.Failure.ALTERED, failure(center, JwsForms.withOtherS(genuine)));
        }
    }

    @Test
    void aPartWhoseUnusedTrailingBitsAreNotZeroIsRefused() {
        int[] checked = new int[3];
        for (CenterSignature center : CENTERS) {
            for (String subject : List.of("a", "ab", "abc")) {
                String[] parts = sign(center, subject).split("\\.");
                for (int p = 0; p < 3; p++) {
                    if (parts[p].length() % 4 == 0) {
                        continue;
                    }
                    String last = parts[p].substring(parts[p].length() - 1);
                    String sibling = String.valueOf(BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1));
                    String[] changed = parts.clone();
                    changed[p] = parts[p].substring(0, parts[p].length() - 1) + sibling;
                    assertEquals(CenterSignature.Failure.ALTERED, failure(center, String.join(".", changed)),
                            "part " + p + " ending in " + sibling + " instead of " + last);
                    checked[p]++;
                }
            }
        }
        assertTrue(checked[0] > 0 && checked[1] > 0 && checked[2] > 0, "each part was checked");
    }

    @Test
    void paddedOrStandardBase64PartsAreRefused() {
        CenterSignature center = CENTERS.get(0);
        String[] parts = sign(center, "a").split("\\.");
        for (int p = 0; p < 3; p++) {
            for (String spelling : List.of(parts[p] + "=", parts[p] + "==", parts[p].replace('-', '+').replace('_', '/'))) {
                if (spelling.equals(parts[p])) {
                    continue;
                }
                String[] changed = parts.clone();
                changed[p] = spelling;
                assertTrue(failure(center, String.join(".", changed)) != null, () -> "accepted " + spelling);
            }
        }
    }

    @Test
    void aSignatureOfAnotherLengthIsRefused() {
        CenterSignature center = CENTERS.get(0);
        String genuine = sign(center, "a");

        assertTrue(failure(center, genuine + "AAAA") != null);
        assertTrue(failure(center, genuine.substring(0, genuine.length() - 4)) != null);
    }
}
