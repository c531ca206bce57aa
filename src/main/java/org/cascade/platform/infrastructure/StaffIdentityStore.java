package org.cascade.platform.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.cascade.platform.domain.PasswordHash;
import org.cascade.platform.domain.StaffAccount;
import org.cascade.platform.domain.StaffAccountRepository;

/** Operator, clerks and holders: user name and PBKDF2 password, one group named after the role. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    /** Hashing a password for an unknown user too keeps sign-in time from telling which names exist. */
    private static final String DUMMY_HASH = PasswordHash.hash("not-a-password".toCharArray());

    @Inject
    StaffAccountRepository accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<StaffAccount> account = accounts.findByUsername(up.getCaller());
        if (account.isEmpty()) {
            PasswordHash.matches(up.getPassword().getValue(), DUMMY_HASH);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!account.get().passwordMatches(up.getPassword().getValue())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(), Set.of(account.get().role().group()));
    }
}
