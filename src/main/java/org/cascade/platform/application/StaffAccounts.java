package org.cascade.platform.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cascade.platform.domain.OneTimeSecret;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.platform.domain.StaffAccount;
import org.cascade.platform.domain.StaffAccountRepository;

/** Opening staff accounts and changing their passwords. */
@ApplicationScoped
@Transactional
public class StaffAccounts {

    public static final String FIRST_OPERATOR = "operator";
    /** The most accounts of a role one search shows: a longer prefix narrows it. */
    public static final int FOUND_AT_MOST = 50;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    Clock clock;

    /** The account and the one-time password to hand to its owner (shown once, never stored in clear). */
    public record Opened(StaffAccount account, String oneTimePassword) {
    }

    /**
     * Opens an account with a generated one-time password. Clerks are opened through the store
     * context, which checks their store exists.
     */
    public Opened open(@NotBlank @Size(max = 32) String username,
                       @NotBlank @Size(max = 80) String displayName,
                       @NotNull Role role, Long storeId) {
        if (accounts.findByUsername(username).isPresent()) {
            throw new RuleViolation("staff.username.taken", username);
        }
        String password = OneTimeSecret.generate(4);
        StaffAccount account = StaffAccount.open(username, displayName, role, storeId, password.toCharArray(), clock.instant());
        accounts.add(account);
        return new Opened(account, password);
    }

    /** At the very first start only: the operator account, or empty when one exists already. */
    public Optional<Opened> openFirstOperator() {
        if (accounts.countByRole(Role.OPERATOR) > 0) {
            return Optional.empty();
        }
        return Optional.of(open(FIRST_OPERATOR, "Operator", Role.OPERATOR, null));
    }

    public void changePassword(@NotBlank String username, @NotNull char[] current, @NotNull char[] chosen) {
        StaffAccount account = accounts.findByUsername(username).orElseThrow(() -> new RuleViolation("staff.password.wrong"));
        account.changePassword(current, chosen);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffAccount> find(String username) {
        return accounts.findByUsername(username);
    }

    /** The accounts of a role whose user name or name begins with what the operator typed, at most {@link #FOUND_AT_MOST}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffAccount> search(@NotNull Role role, @NotNull SearchPrefix prefix) {
        return accounts.findByRoleAndPrefix(role, prefix, FOUND_AT_MOST);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffAccount> all() {
        return accounts.findAll();
    }
}
