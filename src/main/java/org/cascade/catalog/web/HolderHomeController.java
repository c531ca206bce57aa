package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.catalog.application.Advertising;
import org.cascade.catalog.application.Catalog;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The holder's dashboard: per content its state, receptions, redistributions, earnings, rating
 * and board activity (receptions and earnings fill as distribution lands), the advertising funds
 * and the advertisements bought.
 */
@ApplicationScoped
@Route(value = "/holder", roles = Role.HOLDER)
public class HolderHomeController implements PageController {

    @Inject
    Catalog catalog;

    @Inject
    Advertising advertising;

    @Inject
    Ledger ledger;

    @Override
    public View get(PageRequest request) {
        String holder = request.username().orElseThrow();
        request.put("contents", catalog.byHolder(holder))
                .put("earnings", ledger.sumsByContent(AccountType.HOLDER_PAYABLE, "holder:" + holder))
                .put("funds", advertising.funds(holder))
                .put("ads", advertising.of(holder));
        return View.template("holder/home");
    }
}
