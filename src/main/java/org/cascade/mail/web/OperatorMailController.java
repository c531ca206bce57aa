package org.cascade.mail.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.mail.application.Mails;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The operator's mail page: whether mails are on (an SMTP host is set), and the mails that keep
 * failing, with the server's last answer. Recipients' addresses are shown to the operator only.
 */
@ApplicationScoped
@Route(value = "/operator/mail", roles = Role.OPERATOR)
public class OperatorMailController implements PageController {

    @Inject
    Mails mails;

    @Override
    public View get(PageRequest request) {
        request.put("mailsOn", mails.on()).put("troubled", mails.troubled());
        return View.template("operator/mail");
    }
}
