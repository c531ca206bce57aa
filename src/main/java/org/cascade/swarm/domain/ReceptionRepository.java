package org.cascade.swarm.domain;

import java.util.List;
import java.util.Optional;

public interface ReceptionRepository {

    void add(Reception reception);

    Optional<Reception> find(String receiver, String contentId);

    List<Reception> byReceiver(String receiver);
}
