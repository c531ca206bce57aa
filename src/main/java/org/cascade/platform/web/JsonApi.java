package org.cascade.platform.web;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource of the JSON API: invalid arguments found by the application services'
 * Bean Validation are answered by {@link ApiErrors} like any other refusal, in JSON and the
 * caller's language, rather than by the REST runtime's plain-text validation report.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonApi {
}
