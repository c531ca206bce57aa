package org.cascade.catalog.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.catalog.domain.Content;
import org.cascade.catalog.domain.ContentRepository;
import org.cascade.catalog.domain.ContentStatus;
import org.cascade.catalog.domain.Manifest;
import org.cascade.catalog.domain.ManifestSeal;
import org.cascade.catalog.domain.PieceHashing;
import org.cascade.catalog.infrastructure.ContentFiles;

/**
 * The contents processing section: after a registration commits, splits the file into pieces,
 * hashes them, signs the manifest and lists the content — in the background, since a 4 GiB file
 * takes a while. Contents left processing by a stop are taken up again at the next start.
 */
@ApplicationScoped
public class ContentProcessing {

    private static final Logger LOG = Logger.getLogger(ContentProcessing.class.getName());

    @Inject
    ContentRepository contents;

    @Inject
    ContentFiles files;

    @Inject
    ManifestSeal seal;

    @Inject
    Clock clock;

    @Inject
    ContentProcessing self;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    void afterRegistration(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentRegistered registered) {
        executor.submit(() -> self.process(registered.contentId()));
    }

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        for (String id : self.waiting()) {
            executor.submit(() -> self.process(id));
        }
    }

    @Transactional
    public java.util.List<String> waiting() {
        return contents.processing().stream().map(Content::id).toList();
    }

    /** Hashes outside any transaction (it reads the whole file), then lists in a short one. */
    public void process(String contentId) {
        Content content = contents.find(contentId).orElse(null);
        if (content == null || content.status() != ContentStatus.PROCESSING) {
            return;
        }
        try (InputStream in = files.open(contentId, ContentFiles.Kind.CONTENT)) {
            Manifest manifest = PieceHashing.manifest(contentId, in, Manifest.DEFAULT_PIECE_SIZE, content.holder(), content.unitCost());
            if (manifest.size() != content.size()) {
                self.reject(contentId, "the stored file has " + manifest.size() + " bytes, not " + content.size());
                return;
            }
            self.list(contentId, seal.seal(manifest), manifest.root());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "processing of " + contentId + " failed", e);
            self.reject(contentId, e.getClass().getSimpleName());
        }
    }

    @Transactional
    public void list(String contentId, String sealedManifest, String root) {
        contents.find(contentId).ifPresent(c -> contents.add(c.list(sealedManifest, root, clock.instant())));
    }

    @Transactional
    public void reject(String contentId, String reason) {
        contents.find(contentId).ifPresent(c -> c.reject(reason));
    }
}
