package org.cascade.media.domain;

/**
 * The center's originality seal on storage media: signs the ROM and RAM parts and reads them
 * back, refusing anything not signed by this center's key with the expected type and algorithm.
 */
public interface MediaSeal {

    String sealRom(MediaRom rom);

    String sealRam(MediaRam ram);

    MediaReading<MediaRom> readRom(String compact);

    MediaReading<MediaRam> readRam(String compact);

    /** The issuer every media of this center names. */
    String issuer();
}
