package org.cascade.catalog.infrastructure;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.cascade.catalog.domain.Content;

/**
 * Entity listener of {@link Content} (declared in META-INF/orm.xml, so that the domain does not
 * name it): hands every content written to the in-memory list.
 */
public class ContentChanges {

    @Inject
    ListedContentsMirror mirror;

    @PostPersist
    @PostUpdate
    void written(Content content) {
        mirror.written(content);
    }
}
