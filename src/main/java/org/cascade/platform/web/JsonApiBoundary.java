package org.cascade.platform.web;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolationException;

@JsonApi
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class JsonApiBoundary {

    @AroundInvoke
    public Object answer(InvocationContext ctx) throws Exception {
        try {
            return ctx.proceed();
        } catch (ConstraintViolationException e) {
            throw new ApiInput.InvalidInput(e);
        }
    }
}
