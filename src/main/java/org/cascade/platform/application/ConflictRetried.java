package org.cascade.platform.application;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a transactional use case again when its transaction lost a race in the database: a lock
 * timeout or deadlock, or a unique key (an idempotency key posted by a concurrent twin request).
 * The use case must be idempotent, which every money-moving one is: on the second run it finds
 * what its twin wrote and answers with it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConflictRetried {
}
