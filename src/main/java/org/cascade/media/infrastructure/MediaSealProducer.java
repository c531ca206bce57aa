package org.cascade.media.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cascade.media.domain.MediaSeal;
import org.cascade.platform.infrastructure.CenterKey;

/** Media are sealed with the center's own key. */
@ApplicationScoped
public class MediaSealProducer {

    @Produces
    @Singleton
    MediaSeal mediaSeal(CenterKey key) {
        return new JoseMediaSeal(key.key(), key.issuer());
    }
}
