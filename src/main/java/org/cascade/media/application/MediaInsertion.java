package org.cascade.media.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.cascade.media.domain.MediaFile;
import org.cascade.media.domain.MediaRam;
import org.cascade.media.domain.MediaReading;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.media.domain.MediaRepository;
import org.cascade.media.domain.MediaRom;
import org.cascade.media.domain.MediaSeal;
import org.cascade.media.domain.RollbackAttempt;
import org.cascade.media.domain.StorageMedia;

/**
 * Inserting a storage media at a terminal (FIG. 13 S701–S702, FIG. 8 S301–S303): the originality
 * check of both parts, the center's own record of the media, the version, and the password.
 * A refusal is an answer, not an error: the transaction commits, so that a rollback attempt stays
 * recorded for the operator.
 */
@ApplicationScoped
@Transactional
public class MediaInsertion {

    @Inject
    MediaSeal seal;

    @Inject
    MediaRepository media;

    @Inject
    StorageMedias storageMedias;

    @Inject
    Clock clock;

    /** Admitted (serial and the current RAM for the terminal), or refused (reason, and the versions for a rollback). */
    public record Insertion(String serial, String currentRam, MediaRefusal refusal, long presentedVersion, long latestVersion) {

        public boolean admitted() {
            return refusal == null;
        }

        static Insertion refused(MediaRefusal refusal) {
            return new Insertion(null, null, refusal, 0, 0);
        }
    }

    public Insertion insert(String fileText, char[] password, String address) {
        Optional<MediaFile> file = MediaFile.parse(fileText);
        if (file.isEmpty()) {
            return Insertion.refused(MediaRefusal.MALFORMED);
        }
        MediaReading<MediaRom> rom = seal.readRom(file.get().rom());
        if (rom.refused()) {
            return Insertion.refused(rom.refusal());
        }
        // The label is for people, but a file the center wrote names its own ROM's serial: one
        // that names another was changed after it left the center.
        if (!rom.content().serial().equals(file.get().serial())) {
            return Insertion.refused(MediaRefusal.ALTERED);
        }
        MediaReading<MediaRam> ram = seal.readRam(file.get().ram());
        if (ram.refused()) {
            return Insertion.refused(ram.refusal());
        }
        Optional<StorageMedia> known = media.find(rom.content().serial());
        if (known.isEmpty()) {
            return Insertion.refused(MediaRefusal.UNKNOWN);
        }
        StorageMedia m = known.get();
        MediaRefusal refusal = m.admit(rom.content(), ram.content(), password == null ? new char[0] : password);
        if (refusal == MediaRefusal.ROLLED_BACK) {
            media.add(new RollbackAttempt(m.serial(), ram.content().version(), m.deliveredVersion(), clock.instant(), address));
            return new Insertion(m.serial(), null, refusal, ram.content().version(), m.deliveredVersion());
        }
        if (refusal != null) {
            return Insertion.refused(refusal);
        }
        return new Insertion(m.serial(), storageMedias.currentRam(m.serial()), null, ram.content().version(), m.version());
    }
}
