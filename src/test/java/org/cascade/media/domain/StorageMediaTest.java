package org.cascade.media.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import org.cascade.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StorageMediaTest {

    private static final String SERIAL = "CM-ABCD-EFGH";
    private static final String ACCESS_KEY = "access-key-of-the-media";
    private static final char[] PASSWORD = "sesame-42".toCharArray();
    private static final Instant ISSUED = Instant.parse("2025-04-01T09:00:00Z");

    /** Built once: the constructor hashes the password at full cost (about half a second). */
    private static StorageMedia template;

    @BeforeAll
    static void buildOnce() {
        template = new StorageMedia(SERIAL, 12L, ISSUED, ACCESS_KEY, PASSWORD.clone(), 77L);
    }

    /** A fresh media in the state the constructor left, without paying for another hash. */
    private static StorageMedia fresh() {
        try {
            var ctor = StorageMedia.class.getDeclaredConstructor();
            StorageMedia copy = ctor.newInstance();
            for (Field f : StorageMedia.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                f.set(copy, f.get(template));
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static MediaRom rom(String accessKey) {
        return new MediaRom(SERIAL, "urn:cascade:center:k1", 12L, "Shibuya counter", ISSUED, 1, accessKey);
    }

    private static MediaRam ram(String serial, long version) {
        return new MediaRam(serial, "urn:cascade:center:k1", version, 1000L, ISSUED, List.of());
    }

    private static MediaRam ram(long version) {
        return ram(SERIAL, version);
    }

    @Test
    void newMediaIsActiveAtVersionZero() {
        StorageMedia m = fresh();

        assertEquals(SERIAL, m.serial());
        assertEquals(12L, m.storeId());
        assertEquals(ISSUED, m.issuedAt());
        assertEquals(77L, m.accountId());
        assertEquals(MediaStatus.ACTIVE, m.status());
        assertEquals(0, m.version());
        assertEquals(0, m.deliveredVersion());
        assertNull(m.revokedAt());
        assertNull(m.reissuedAs());
    }

    @Test
    void currentCopyWithRightPasswordIsAdmitted() {
        StorageMedia m = fresh();
        m.advance();
        m.deliver();

        assertNull(m.admit(rom(ACCESS_KEY), ram(1), PASSWORD.clone()));
    }

    @Test
    void wrongPasswordIsRefused() {
        StorageMedia m = fresh();

        assertEquals(MediaRefusal.WRONG_PASSWORD, m.admit(rom(ACCESS_KEY), ram(0), "sesame-43".toCharArray()));
        assertEquals(MediaRefusal.WRONG_PASSWORD, m.admit(rom(ACCESS_KEY), ram(0), new char[0]));
    }

    @Test
    void copyOlderThanTheDeliveredVersionIsRolledBack() {
        StorageMedia m = fresh();
        m.deliver();
        m.advance();
        assertEquals(1, m.deliver());

        assertEquals(MediaRefusal.ROLLED_BACK, m.admit(rom(ACCESS_KEY), ram(0), PASSWORD.clone()));
    }

    @Test
    void rollbackIsReportedWhateverThePassword() {
        StorageMedia m = fresh();
        m.advance();
        m.advance();
        m.deliver();

        assertEquals(MediaRefusal.ROLLED_BACK, m.admit(rom(ACCESS_KEY), ram(1), "guess".toCharArray()));
    }

    @Test
    void copyBehindPostingsNotYetDeliveredIsAdmitted() {
        StorageMedia m = fresh();
        m.advance();
        m.deliver();
        // A store replenished the media meanwhile: the center moved on, the terminal holds version 1.
        m.advance();

        assertEquals(2, m.version());
        assertEquals(1, m.deliveredVersion());
        assertNull(m.admit(rom(ACCESS_KEY), ram(1), PASSWORD.clone()));
    }

    @Test
    void copyClaimingAVersionAboveTheCentersIsAltered() {
        StorageMedia m = fresh();
        m.advance();
        m.deliver();

        assertEquals(MediaRefusal.ALTERED, m.admit(rom(ACCESS_KEY), ram(2), PASSWORD.clone()));
    }

    @Test
    void romWithAnotherAccessKeyIsAltered() {
        StorageMedia m = fresh();

        assertEquals(MediaRefusal.ALTERED, m.admit(rom("some-other-access-key"), ram(0), PASSWORD.clone()));
    }

    @Test
    void ramOfAnotherSerialIsAltered() {
        StorageMedia m = fresh();

        assertEquals(MediaRefusal.ALTERED, m.admit(rom(ACCESS_KEY), ram("CM-ZZZZ-ZZZZ", 0), PASSWORD.clone()));
    }

    @Test
    void revokedMediaIsRefusedAsRevokedBeforeItsVersionIsChecked() {
        StorageMedia m = fresh();
        m.advance();
        m.deliver();
        Instant now = Instant.parse("2025-05-01T12:00:00Z");
        m.revoke("lost on the train", now);

        assertEquals(MediaStatus.REVOKED, m.status());
        assertEquals(now, m.revokedAt());
        assertEquals("lost on the train", m.revocationReason());
        assertEquals(MediaRefusal.REVOKED, m.admit(rom(ACCESS_KEY), ram(1), PASSWORD.clone()));
        // An old copy of a revoked media: revoked is what the person can act on.
        assertEquals(MediaRefusal.REVOKED, m.admit(rom(ACCESS_KEY), ram(0), PASSWORD.clone()));
    }

    @Test
    void revokingTwiceIsRefused() {
        StorageMedia m = fresh();
        Instant first = Instant.parse("2025-05-01T12:00:00Z");
        m.revoke("lost", first);

        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> m.revoke("stolen", Instant.parse("2025-05-02T12:00:00Z")));

        assertEquals("media.revoked.already", refused.messageKey());
        assertEquals(first, m.revokedAt());
        assertEquals("lost", m.revocationReason());
    }

    @Test
    void activeMediaCannotBeReissued() {
        StorageMedia m = fresh();

        RuleViolation refused = assertThrows(RuleViolation.class, () -> m.reissuedOnto("CM-NEW0-0001"));

        assertEquals("media.reissue.notRevoked", refused.messageKey());
        assertNull(m.reissuedAs());
    }

    @Test
    void revokedMediaIsReissuedOnlyOnce() {
        StorageMedia m = fresh();
        m.revoke("lost", Instant.parse("2025-05-01T12:00:00Z"));

        m.reissuedOnto("CM-NEW0-0001");
        RuleViolation refused = assertThrows(RuleViolation.class, () -> m.reissuedOnto("CM-NEW0-0002"));

        assertEquals("CM-NEW0-0001", m.reissuedAs());
        assertEquals("media.reissue.done", refused.messageKey());
    }

    @Test
    void revokedMediaSpendsNothingButItsReissueAndTakesNothingOnceReissued() {
        StorageMedia m = fresh();
        m.posted(-300, false);
        m.posted(500, false);
        long version = m.version();
        assertEquals(true, m.usable());
        m.revoke("stolen", Instant.parse("2025-05-01T12:00:00Z"));

        assertEquals(false, m.usable());
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, m::requireUsable).messageKey());
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, () -> m.posted(-100, false)).messageKey());
        assertEquals(version, m.version(), "a refused posting makes no version");
        m.posted(40, false); // owed to its owner before the re-issue: the re-issue carries it
        m.reissuedOnto("CM-NEW0-0001");
        m.posted(-540, true);
        assertEquals("media.refused.revoked", assertThrows(RuleViolation.class, () -> m.posted(10, false)).messageKey());
        assertEquals(version + 2, m.version());
    }

    @Test
    void passwordShorterThanSixIsRefusedAtConstruction() {
        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> new StorageMedia(SERIAL, 12L, ISSUED, ACCESS_KEY, "12345".toCharArray(), 77L));

        assertEquals("media.password.weak", refused.messageKey());
        assertThrows(RuleViolation.class, () -> new StorageMedia(SERIAL, 12L, ISSUED, ACCESS_KEY, null, 77L));
        assertThrows(RuleViolation.class,
                () -> new StorageMedia(SERIAL, 12L, ISSUED, ACCESS_KEY, new char[201], 77L));
    }

    @Test
    void accessKeyHashIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StorageMedia.hashOf("abc"));
    }
}
