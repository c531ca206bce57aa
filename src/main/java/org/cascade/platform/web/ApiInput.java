package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.cascade.platform.domain.RuleViolation;

/**
 * Validates an API request body with Bean Validation. Done here rather than with {@code @Valid}
 * on the resource method so that a refusal reaches {@link ApiErrors} (JSON, in the caller's
 * language) instead of the REST runtime's own plain-text report.
 */
@ApplicationScoped
public class ApiInput {

    @Inject
    Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw new RuleViolation("api.malformed");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new InvalidInput(new ConstraintViolationException(violations));
        }
        return body;
    }

    /**
     * Carries the violations past the REST runtime's own validation mapper, which looks for a
     * ConstraintViolationException anywhere in the cause chain: so they are a field, not a cause.
     */
    public static final class InvalidInput extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ConstraintViolationException violations;

        public InvalidInput(ConstraintViolationException violations) {
            super("invalid input", null, false, false);
            this.violations = violations;
        }

        public ConstraintViolationException violations() {
            return violations;
        }
    }
}
