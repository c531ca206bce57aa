package org.cascade.platform.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The center's signing key, for storage media and contents manifests alike: an EC P-256 key
 * generated at the first start into {@code <data dir>/keys/media-signing.jwk}, readable by the
 * server's user only, never logged. The issuer name is drawn with it, so that what another
 * installation signed is foreign here.
 */
@ApplicationScoped
public class CenterKeys {

    private static final Logger LOG = Logger.getLogger(CenterKeys.class.getName());

    /** Set in server.xml from the {@code cascade.data.dir} variable. */
    @Resource(lookup = "cascade/dataDir")
    String dataDir;

    /** The key is made (or read) when the application starts, not at the first sale. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event, CenterKey key) {
        key.issuer();
    }

    @Produces
    @Singleton
    CenterKey centerKey() {
        Path keys = Path.of(dataDir, "keys");
        Path file = keys.resolve("media-signing.jwk");
        try {
            Files.createDirectories(keys);
            if (!Files.exists(file)) {
                generate(file);
            }
            ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            return new CenterKey(key, "urn:cascade:center:" + key.getKeyID());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the media signing key under " + keys, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the media signing key " + file + " is damaged", e);
        }
    }

    private static void generate(Path file) throws IOException {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            // Created readable by the owner only before a byte of the key is written (where the
            // file system has POSIX permissions; elsewhere the directory's own rules apply).
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            LOG.info("CASCADE first start: generated the media signing key " + key.getKeyID() + " in " + file);
        } catch (FileAlreadyExistsException e) {
            // Another instance sharing the data directory made it first: use theirs.
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
