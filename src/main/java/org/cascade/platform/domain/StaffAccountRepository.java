package org.cascade.platform.domain;

import java.util.List;
import java.util.Optional;

public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    List<StaffAccount> findAll();

    long countByRole(Role role);

    void add(StaffAccount account);
}
