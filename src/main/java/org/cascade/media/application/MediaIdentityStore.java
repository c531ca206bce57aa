package org.cascade.media.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.cascade.platform.domain.Role;

/** Terminal users: the caller is the media's serial, in the terminal group. */
@ApplicationScoped
public class MediaIdentityStore implements IdentityStore {

    @Inject
    MediaInsertion insertion;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof MediaCredential media)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        MediaInsertion.Insertion outcome = insertion.insert(media.file(), media.password(), media.address());
        media.outcome(outcome);
        if (!outcome.admitted()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(outcome.serial(), Set.of(Role.TERMINAL.group()));
    }
}
