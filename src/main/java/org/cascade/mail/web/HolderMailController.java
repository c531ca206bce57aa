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
 * A contents holder's mails: the address the deposits of its earnings are mailed to, written in
 * the language of the page it was saved from. Blank stops them.
 */
@ApplicationScoped
@Route(value = "/holder/mail", roles = Role.HOLDER)
public class HolderMailController implements PageController {

    @Inject
    Mails mails;

    @Override
    public View get(PageRequest request) {
        String holder = request.username().orElseThrow();
        request.put("mailsOn", mails.on())
                .put("address", request.param("address").orElseGet(() ->
                        mails.recipient(holder).map(Mails.Recipient::address).orElse("")));
        return View.template("holder/mail");
    }

    @Override
    public View post(PageRequest request) {
        String address = request.param("address").orElse("");
        mails.address(request.username().orElseThrow(), address, request.locale());
        request.flash(address.isBlank() ? "holder.mail.stopped" : "holder.mail.saved");
        return View.redirect("/holder/mail");
    }
}
