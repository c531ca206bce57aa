package org.cascade.media.domain;

import java.util.List;
import java.util.Optional;

public interface MediaRepository {

    void add(StorageMedia media);

    Optional<StorageMedia> find(String serial);

    Optional<StorageMedia> findByAccount(long accountId);

    List<StorageMedia> search(String serialPrefix, int max);

    void add(MediaHandover handover);

    Optional<MediaHandover> handoverByCodeHash(String codeHash);

    Optional<MediaHandover> handover(long id);

    void add(RollbackAttempt attempt);

    List<RollbackAttempt> recentRollbackAttempts(int max);
}
