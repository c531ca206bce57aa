package org.cascade.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UploadRepository {

    void add(Upload upload);

    Optional<Upload> find(String id);

    void remove(Upload upload);

    /** The ids of uploads that expired before {@code now}, oldest first. */
    List<String> expiredIds(Instant now);
}
