package org.cascade.swarm.domain;

import java.util.Optional;

public interface ReceptionRepository {

    void add(Reception reception);

    Optional<Reception> find(String receiver, String contentId);
}
