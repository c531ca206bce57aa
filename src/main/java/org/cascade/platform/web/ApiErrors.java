package org.cascade.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.RuleViolation;

/**
 * Turns every failure of an API call into JSON with a message in the caller's language: a refused
 * rule (422), invalid input (400), not found (404), not allowed (403), and anything unexpected
 * (500, with an incident reference and no stack trace).
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        Messages messages = CDI.current().select(Messages.class).get();
        var locale = Languages.of(request);
        Throwable e = unwrap(failure);
        if (e instanceof NotFound nf) {
            return json(404, messages.text(locale, nf), null);
        }
        if (e instanceof Forbidden f) {
            return json(403, messages.text(locale, f), null);
        }
        if (e instanceof RuleViolation rv) {
            return json(422, messages.text(locale, rv), rv.messageKey());
        }
        if (e instanceof ApiInput.InvalidInput invalid) {
            e = invalid.violations();
        }
        if (e instanceof ConstraintViolationException cv) {
            List<String> texts = messages.texts(locale, cv.getConstraintViolations());
            return json(400, String.join(" ", texts), "invalid");
        }
        if (e instanceof JsonbException || e instanceof jakarta.ws.rs.ProcessingException) {
            return json(400, messages.text(locale, "api.malformed"), "malformed");
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String key = status == 401 ? "api.unauthenticated" : status == 403 ? "error.forbidden"
                    : status == 404 ? "error.404.text" : status == 415 ? "api.malformed" : "error.400.text";
            return json(status, messages.text(locale, key), null);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "incident " + incident + " on " + request.getRequestURI(), failure);
        return json(500, messages.text(locale, "error.500.text") + " "
                + messages.text(locale, "error.incident", incident), null);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e instanceof jakarta.transaction.TransactionalException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static Response error(Response.Status status, String key, HttpServletRequest request) {
        Messages messages = CDI.current().select(Messages.class).get();
        return json(status.getStatusCode(), messages.text(Languages.of(request), key), key);
    }

    private static Response json(int status, String message, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (reason != null) {
            body.put("reason", reason);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
