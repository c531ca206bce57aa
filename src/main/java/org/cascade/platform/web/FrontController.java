package org.cascade.platform.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cascade.platform.domain.Forbidden;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;

/**
 * The front controller of the pages (gtvg's pattern): maps a path to the page controller that
 * declared it with {@link Route}, checks the role and the CSRF token, runs the controller and
 * renders its template. Paths no controller claims (the JSON API, scripts, styles) pass through.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FrontController extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FrontController.class.getName());

    /** The session attribute holding the notice the next page shows once (see {@link PageRequest#flash}). */
    public static final String FLASH = "cascade.flash";
    /** Set at sign-in for a staff account whose password was handed out: every page leads to the change form. */
    public static final String PASSWORD_CHANGE_REQUIRED = "cascade.passwordChangeRequired";
    public static final String CHANGE_PASSWORD_PATH = "/password";

    private record Mapping(PageController controller, Role[] roles) {
    }

    @Inject
    @Any
    Instance<PageController> controllers;

    @Inject
    Templates templates;

    @Inject
    Messages messages;

    @Inject
    PageAdmission admission;

    @Inject
    java.time.Clock clock;

    private final Map<String, Mapping> routes = new HashMap<>();

    @Override
    public void init() {
        for (Instance.Handle<PageController> handle : controllers.handles()) {
            Route route = handle.getBean().getBeanClass().getAnnotation(Route.class);
            if (route == null) {
                throw new IllegalStateException(handle.getBean().getBeanClass() + " has no @Route");
            }
            for (String path : route.value()) {
                if (routes.put(path, new Mapping(handle.get(), route.roles())) != null) {
                    throw new IllegalStateException("two controllers claim " + path);
                }
            }
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty()) {
            path = "/";
        }
        Mapping mapping = routes.get(path);
        if (mapping == null) {
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        secureHeaders(response);
        Locale locale = Languages.of(request);
        PageRequest page = new PageRequest(request, response, path, locale, messages);
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
            response.sendError(405);
            return;
        }
        if (mapping.roles().length > 0) {
            if (request.getUserPrincipal() == null) {
                String signIn = Arrays.asList(mapping.roles()).contains(Role.TERMINAL) ? "/terminal" : "/signin";
                String next = "GET".equals(method) ? "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8) : "";
                response.sendRedirect(request.getContextPath() + signIn + next);
                return;
            }
            if (Arrays.stream(mapping.roles()).noneMatch(page::inRole)) {
                render(page, View.status(403));
                return;
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(PASSWORD_CHANGE_REQUIRED))
                && !path.equals(CHANGE_PASSWORD_PATH) && !path.equals("/signout")) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
            return;
        }
        boolean admitted;
        try {
            admitted = admission.enter(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "5");
            render(page, View.status(503));
            return;
        }
        try {
            boolean expired = page.isPost() && !Csrf.verify(request);
            render(page, expired ? expired(mapping.controller(), page) : run(mapping.controller(), page));
        } finally {
            admission.leave();
        }
    }

    /**
     * Runs the controller; a refusal becomes a page that says why. A refused form is shown again,
     * through the same mapping: when even that is refused (the form named what is not the
     * caller's), the page of that refusal is shown instead.
     */
    private View run(PageController controller, PageRequest page) {
        if (!page.isPost()) {
            return shown(controller, page);
        }
        try {
            return controller.post(page);
        } catch (Forbidden e) {
            return View.status(403);
        } catch (RuleViolation e) {
            page.error(page.text(e.messageKey(), e.arguments()));
            return again(controller, page, 422);
        } catch (ConstraintViolationException e) {
            messages.texts(page.locale(), e.getConstraintViolations()).forEach(page::error);
            return again(controller, page, 422);
        } catch (RuntimeException e) {
            return incident(page, e);
        }
    }

    /** The page as GET shows it; what is unknown or not the caller's is a 404, a refused question a 400. */
    private View shown(PageController controller, PageRequest page) {
        try {
            return controller.get(page);
        } catch (NotFound e) {
            page.error(page.text(e.messageKey(), e.arguments()));
            return View.status(404);
        } catch (Forbidden e) {
            return View.status(403);
        } catch (RuleViolation e) {
            page.error(page.text(e.messageKey(), e.arguments()));
            return View.status(400);
        } catch (ConstraintViolationException e) {
            messages.texts(page.locale(), e.getConstraintViolations()).forEach(page::error);
            return View.status(400);
        } catch (RuntimeException e) {
            return incident(page, e);
        }
    }

    /** A refused form shown again with what was typed and why it was refused, under {@code status}. */
    private View again(PageController controller, PageRequest page, int status) {
        View again = shown(controller, page);
        if (again instanceof View.Template t) {
            return new View.Template(t.name(), status);
        }
        return again;
    }

    /** A form whose token is not its session's: changes nothing, and shows the form again (or the refusal) as a 403. */
    private View expired(PageController controller, PageRequest page) {
        page.error(page.text("error.csrf"));
        View again = shown(controller, page);
        if (again instanceof View.Template t) {
            return new View.Template(t.name(), 403);
        }
        return View.status(403);
    }

    private static View incident(PageRequest page, RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "incident " + incident + " on " + page.path(), e);
        page.put("incident", incident);
        return View.status(500);
    }

    private void render(PageRequest page, View view) throws IOException {
        HttpServletRequest request = page.servletRequest();
        HttpServletResponse response = page.servletResponse();
        if (view instanceof View.Redirect r) {
            response.sendRedirect(request.getContextPath() + r.path());
        } else if (view instanceof View.Download d) {
            response.setContentType(d.contentType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(d.body());
        } else if (view instanceof View.Status s) {
            page.put("status", s.status());
            renderTemplate(page, "error", s.status());
        } else if (view instanceof View.Template t) {
            renderTemplate(page, t.name(), t.status());
        }
    }

    private void renderTemplate(PageRequest page, String template, int status) throws IOException {
        HttpServletRequest request = page.servletRequest();
        HttpServletResponse response = page.servletResponse();
        Map<String, Object> model = page.model();
        model.put("csrf", Csrf.token(request));
        model.put("lang", page.locale().getLanguage());
        model.put("path", page.path());
        model.put("contextPath", request.getContextPath());
        model.put("fmt", new Formats(page.locale(), clock.getZone()));
        page.username().ifPresent(u -> model.put("signedIn", u));
        for (Role role : Role.values()) {
            if (page.inRole(role)) {
                model.put("role", role.group());
            }
        }
        HttpSession session = request.getSession();
        Object flash = session.getAttribute(FLASH);
        if (flash != null) {
            model.put("flash", flash);
            session.removeAttribute(FLASH);
        }
        // Rendered whole before a byte is sent, so that a failing template still gets a proper error page.
        java.io.StringWriter html = new java.io.StringWriter(8192);
        try {
            templates.render(template, model, page.locale(), request, response, html);
        } catch (RuntimeException e) {
            if ("error".equals(template)) {
                throw e;
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "incident " + incident + " rendering " + template, e);
            model.put("incident", incident);
            model.put("status", 500);
            renderTemplate(page, "error", 500);
            return;
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // Whole in the response buffer, so that the page's turn (PageAdmission) ends without
        // waiting for a slow reader: the container sends it after the turn is over.
        response.setBufferSize(Math.max(response.getBufferSize(), 3 * html.getBuffer().length() + 1024));
        response.getWriter().write(html.toString());
    }

    private static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
