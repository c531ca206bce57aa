package org.cascade.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;

/** One request to a page: its parameters, who asks, in which language, and the model being built. */
public final class PageRequest {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private final Locale locale;
    private final Messages messages;
    private final Map<String, Object> model = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    PageRequest(HttpServletRequest request, HttpServletResponse response, String path, Locale locale, Messages messages) {
        this.request = request;
        this.response = response;
        this.path = path;
        this.locale = locale;
        this.messages = messages;
        model.put("errors", errors);
    }

    public String path() {
        return path;
    }

    public Locale locale() {
        return locale;
    }

    public boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    /** A form or query parameter, trimmed; empty when absent or blank. */
    public Optional<String> param(String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.strip());
    }

    /** A parameter that must be there; refused with a clear message when it is not. */
    public String required(String name) {
        return param(name).orElseThrow(() -> new RuleViolation("form.required", text("field." + name)));
    }

    /** A whole number within bounds, refused with a message naming the field otherwise. */
    public long requiredLong(String name, long min, long max) {
        String raw = required(name);
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new RuleViolation("form.integer", text("field." + name));
        }
        if (value < min || value > max) {
            throw new RuleViolation("form.range", text("field." + name), min, max);
        }
        return value;
    }

    public int page() {
        try {
            return Math.max(0, Integer.parseInt(param("page").orElse("0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public Optional<String> username() {
        Principal p = request.getUserPrincipal();
        return p == null ? Optional.empty() : Optional.of(p.getName());
    }

    public boolean inRole(Role role) {
        return request.getUserPrincipal() != null && request.isUserInRole(role.group());
    }

    public String clientAddress() {
        return request.getRemoteAddr();
    }

    public PageRequest put(String name, Object value) {
        model.put(name, value);
        return this;
    }

    /** Why something was refused; said once, though the form and the page shown again may both refuse for it. */
    public void error(String text) {
        if (!errors.contains(text)) {
            errors.add(text);
        }
    }

    public String text(String key, Object... args) {
        return messages.text(locale, key, args);
    }

    /** A notice shown once on the next page, after a redirect. */
    public void flash(String key, Object... args) {
        request.getSession().setAttribute(FrontController.FLASH, text(key, args));
    }

    Map<String, Object> model() {
        return model;
    }

    public HttpServletRequest servletRequest() {
        return request;
    }

    public HttpServletResponse servletResponse() {
        return response;
    }
}
