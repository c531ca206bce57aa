package org.cascade.platform.domain;

import java.util.List;
import java.util.Optional;

public interface StaffAccountRepository {

    Optional<StaffAccount> findByUsername(String username);

    List<StaffAccount> findAll();

    long countByRole(Role role);

    /** Accounts of the role whose user name or display name begins with the prefix, by user name, at most {@code max}. */
    List<StaffAccount> findByRoleAndPrefix(Role role, SearchPrefix prefix, int max);

    void add(StaffAccount account);
}
