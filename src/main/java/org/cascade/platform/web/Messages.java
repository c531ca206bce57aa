package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.cascade.platform.domain.RuleViolation;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Every text a person reads, in English and Japanese, from {@code i18n/messages*.properties}:
 * page texts (through Thymeleaf's {@code #{...}}), refusals of business rules, and Bean
 * Validation messages (their templates are keys of the same bundle).
 */
@ApplicationScoped
public class Messages implements IMessageResolver {

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The text for a key, or the key itself when the bundle lacks it (so a gap shows, never breaks). */
    public String text(Locale locale, String key, Object... args) {
        String text = find(locale, key, args);
        return text == null ? key : text;
    }

    private record FormatKey(Locale locale, String key) {
    }

    /**
     * Parsed formats, parsed once: a page shows dozens of texts. A MessageFormat is not safe to
     * share between threads, so each use formats with its own copy.
     */
    private final Map<FormatKey, Optional<MessageFormat>> formats = new ConcurrentHashMap<>();

    private String find(Locale locale, String key, Object[] args) {
        if (formats.size() > 10_000) {
            formats.clear(); // keys come from the code, so this never happens short of a bug
        }
        return formats.computeIfAbsent(new FormatKey(locale, key),
                        k -> Optional.ofNullable(pattern(locale, key)).map(p -> new MessageFormat(p, locale)))
                .map(f -> ((MessageFormat) f.clone()).format(args)).orElse(null);
    }

    private static String pattern(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public String text(Locale locale, RuleViolation refusal) {
        return text(locale, refusal.messageKey(), refusal.arguments());
    }

    /**
     * A Bean Validation message. Its template is a key of the bundle whose text names the
     * constraint's attributes ({min}, {max}, {value}); those are filled in, not MessageFormat.
     */
    public String text(Locale locale, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
        String text = pattern(locale, key);
        if (text == null) {
            return violation.getMessage();
        }
        for (Map.Entry<String, Object> attribute : violation.getConstraintDescriptor().getAttributes().entrySet()) {
            text = text.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
        }
        return text.replace("''", "'");
    }

    public List<String> texts(Locale locale, java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<String> out = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            out.add(text(locale, v));
        }
        out.sort(null);
        return out;
    }

    @Override
    public String getName() {
        return "cascade";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
        return find(context.getLocale(), key, args == null ? new Object[0] : args);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] args) {
        return "??" + key + "??";
    }
}
