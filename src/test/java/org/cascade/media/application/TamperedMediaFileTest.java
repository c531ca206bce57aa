package org.cascade.media.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascade.media.domain.MediaFile;
import org.cascade.media.domain.MediaHandover;
import org.cascade.media.domain.MediaRam;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.media.domain.MediaRepository;
import org.cascade.media.domain.MediaRom;
import org.cascade.media.domain.MediaSeal;
import org.cascade.media.domain.RollbackAttempt;
import org.cascade.media.domain.StorageMedia;
import org.cascade.media.infrastructure.MediaSealProducer;
import org.cascade.platform.domain.PasswordHash;
import org.cascade.platform.infrastructure.CenterKey;
import org.cascade.testing.JwsForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A media file as the store hands it to its buyer, presented at a terminal through the same
 * insertion the center runs: the genuine file is admitted, and nothing one character away from
 * it, nor the other ECDSA signature of either part, is.
 */
class TamperedMediaFileTest {

    private static final String SERIAL = "CM-ABCD-EFGH";
    private static final char[] PASSWORD = "sesame-42".toCharArray();
    private static final Instant NOW = Instant.parse("2025-04-02T18:30:05Z");

    private static MediaSeal seal;
    private static StorageMedia media;
    private static String genuine;
    private static MediaFile genuineParts;

    @BeforeAll
    static void issueAMedia() throws Exception {
        assumeTrue(jsonProviderPresent(), "no Jakarta JSON Processing implementation on the test class path");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        seal = sealOf(new CenterKey(key, "urn:cascade:center:" + key.getKeyID()));
        media = new StorageMedia(SERIAL, 12L, NOW, "s3cr3t-access-key", PASSWORD.clone(), 77L);
        // A cheap hash of the same password, so that a change that slips through costs no more
        // than one that is caught (the production cost is half a second a check).
        Field hash = StorageMedia.class.getDeclaredField("passwordHash");
        hash.setAccessible(true);
        hash.set(media, PasswordHash.hash(PASSWORD, 1_000));
        media.advance();
        media.advance();
        media.deliver();
        // As StorageMedias.issue and handOver make it: the ROM sealed at issue, the current RAM,
        // both in the file the buyer keeps.
        MediaRom rom = new MediaRom(SERIAL, seal.issuer(), 12L, "Shibuya counter", NOW, StorageMedia.PROGRAM_VERSION,
                "s3cr3t-access-key");
        MediaRam ram = new MediaRam(SERIAL, seal.issuer(), 2L, 4200L, NOW, List.of(
                new MediaRam.Line(31L, Instant.parse("2025-04-02T18:30:04.123456789Z"), "REPLENISHMENT", 1200L, 4200L, "store:12"),
                new MediaRam.Line(17L, Instant.parse("2025-04-01T09:00:00.5Z"), "MEDIA_SALE", 3000L, 3000L, "store:12")));
        genuineParts = new MediaFile(SERIAL, seal.sealRom(rom), seal.sealRam(ram));
        genuine = genuineParts.toJson();
    }

    private static boolean jsonProviderPresent() {
        try {
            JsonProvider.provider();
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    /** The seal the application is given, from the producer it is given by. */
    private static MediaSeal sealOf(CenterKey key) throws ReflectiveOperationException {
        var produce = MediaSealProducer.class.getDeclaredMethod("mediaSeal", CenterKey.class);
        produce.setAccessible(true);
        return (MediaSeal) produce.invoke(new MediaSealProducer(), key);
    }

    private static MediaInsertion insertion() {
        MediaInsertion insertion = new MediaInsertion();
        insertion.seal = seal;
        insertion.media = new OneMedia(media);
        insertion.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        insertion.storageMedias = new StorageMedias() {
            @Override
            public String currentRam(String serial) {
                return "the current RAM";
            }
        };
        return insertion;
    }

    private static MediaInsertion.Insertion insert(String file) {
        return insertion().insert(file, PASSWORD.clone(), "192.0.2.7");
    }

    @Test
    void genuineFileIsAdmitted() {
        MediaInsertion.Insertion answer = insert(genuine);

        assertTrue(answer.admitted(), () -> "refused: " + answer.refusal());
        assertEquals(SERIAL, answer.serial());
    }

    @Test
    void everySingleCharacterChangeOfTheFileIsRefused() {
        List<JwsForms.Change> changes = JwsForms.singleCharacterChanges(genuine);
        List<JwsForms.Change> admitted = changes.stream().filter(c -> insert(c.text()).admitted()).toList();

        assertTrue(changes.size() > 4 * genuine.length(), "every position, several characters each");
        assertTrue(admitted.isEmpty(), () -> admitted.size() + " of " + changes.size() + " changes admitted: "
                + admitted.stream().collect(Collectors.groupingBy(JwsForms.Change::at, java.util.TreeMap::new, Collectors.toList()))
                        .entrySet().stream().map(e -> where(e.getKey()) + " '" + e.getValue().get(0).was() + "' -> "
                                + e.getValue().stream().map(c -> String.valueOf(c.now())).collect(Collectors.joining()))
                        .collect(Collectors.joining("; ")));
    }

    /** Which part of the file a position falls in, to make a failure readable. */
    private static String where(int at) {
        int rom = genuine.indexOf(genuineParts.rom());
        int ram = genuine.indexOf(genuineParts.ram());
        if (at >= rom && at < rom + genuineParts.rom().length()) {
            return "ROM[" + (at - rom) + "/" + genuineParts.rom().length() + "]";
        }
        if (at >= ram && at < ram + genuineParts.ram().length()) {
            return "RAM[" + (at - ram) + "/" + genuineParts.ram().length() + "]";
        }
        return "file[" + at + "]";
    }

    @Test
    void otherSignatureOfTheRomIsRefused() {
        String twin = new MediaFile(SERIAL, JwsForms.withOtherS(genuineParts.rom()), genuineParts.ram()).toJson();

        assertFalse(insert(twin).admitted());
    }

    @Test
    void otherSignatureOfTheRamIsRefused() {
        String twin = new MediaFile(SERIAL, genuineParts.rom(), JwsForms.withOtherS(genuineParts.ram())).toJson();

        assertFalse(insert(twin).admitted());
    }

    @Test
    void fileWhoseLabelIsNotItsRomsSerialIsRefused() {
        String relabelled = new MediaFile("CM-ZZZZ-ZZZZ", genuineParts.rom(), genuineParts.ram()).toJson();

        assertEquals(MediaRefusal.ALTERED, insert(relabelled).refusal());
    }

    /** The center's record of the one media issued. */
    private record OneMedia(StorageMedia only) implements MediaRepository {

        @Override
        public Optional<StorageMedia> find(String serial) {
            return only.serial().equals(serial) ? Optional.of(only) : Optional.empty();
        }

        @Override
        public void add(RollbackAttempt attempt) {
        }

        @Override
        public void add(StorageMedia m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StorageMedia> findByAccount(long accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StorageMedia> search(String serialPrefix, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(MediaHandover handover) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MediaHandover> handoverByCodeHash(String codeHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MediaHandover> handover(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RollbackAttempt> recentRollbackAttempts(int max) {
            throw new UnsupportedOperationException();
        }
    }
}
