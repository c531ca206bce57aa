package org.cascade.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The Thymeleaf engine, natural-HTML templates under {@code /WEB-INF/templates/}. */
@ApplicationScoped
public class Templates {

    @Inject
    ServletContext servletContext;

    @Inject
    Messages messages;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    @PostConstruct
    void build() {
        application = JakartaServletWebApplication.buildApplication(servletContext);
        WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setPrefix("/WEB-INF/templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
    }

    public void render(String template, Map<String, Object> model, Locale locale,
                       HttpServletRequest request, HttpServletResponse response, Writer out) throws IOException {
        WebContext context = new WebContext(application.buildExchange(request, response), locale, model);
        engine.process(template, context, out);
    }
}
