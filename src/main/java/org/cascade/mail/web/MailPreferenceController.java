package org.cascade.mail.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.mail.application.Mails;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** A user's mails: which are always sent, and whether reminders are wanted. */
@ApplicationScoped
@Route(value = "/terminal/mail", roles = Role.TERMINAL)
public class MailPreferenceController implements PageController {

    @Inject
    Mails mails;

    @Override
    public View get(PageRequest request) {
        request.put("reminders", mails.wantsReminders(request.username().orElseThrow())).put("mailsOn", mails.on());
        return View.template("terminal/mail");
    }

    @Override
    public View post(PageRequest request) {
        mails.reminders(request.username().orElseThrow(), request.param("reminders").isPresent());
        request.flash("mail.preferences.saved");
        return View.redirect("/terminal/mail");
    }
}
