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
import org.cascade.settlement.application.Settlements;

/**
 * The holder's dashboard: per content its state, receptions, redistributions, earnings, rating
 * and board activity (receptions and earnings fill as distribution lands), the advertising funds
 * and the advertisements bought, and the royalties paid out with what the financial institution said
 * of each (the spec's "information on deposits from the financial institution terminal").
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

    @Inject
    Settlements settlements;

    @Override
    public View get(PageRequest request) {
        String holder = request.username().orElseThrow();
        request.put("contents", catalog.byHolder(holder))
                .put("earnings", ledger.sumsByContent(AccountType.HOLDER_PAYABLE, "holder:" + holder))
                .put("funds", advertising.funds(holder))
                .put("ads", advertising.of(holder))
                .put("payments", settlements.paymentsToHolder(holder));
        return View.template("holder/home");
    }
}
