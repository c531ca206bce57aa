package org.cascade.swarm.domain;

import java.util.Optional;

public interface OriginSettingsRepository {

    Optional<OriginSettings> find();

    void add(OriginSettings settings);
}
