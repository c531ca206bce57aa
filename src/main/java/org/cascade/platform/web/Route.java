package org.cascade.platform.web;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cascade.platform.domain.Role;

/**
 * The paths a page controller answers and the roles allowed on them. An empty role list means
 * anyone, signed in or not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Route {

    String[] value();

    Role[] roles() default {};
}
