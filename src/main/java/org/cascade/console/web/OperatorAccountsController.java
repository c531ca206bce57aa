package org.cascade.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.store.application.Stores;
import org.cascade.store.domain.Store;

/**
 * The operator's search for stores, clerks and holders by how their name (or user name) begins;
 * a blank search lists the first of each.
 */
@ApplicationScoped
@Route(value = "/operator/accounts", roles = Role.OPERATOR)
public class OperatorAccountsController implements PageController {

    @Inject
    Stores stores;

    @Inject
    StaffAccounts staff;

    @Override
    public View get(PageRequest request) {
        Optional<SearchPrefix> prefix = ConsoleSearch.typed(request);
        // A clerk's row names the store by its name: one read of the stores, not one per clerk.
        Map<Long, String> storeNames = stores.all().stream().collect(Collectors.toMap(Store::id, Store::name));
        request.put("storeNames", storeNames).put("atMost", Stores.FOUND_AT_MOST)
                .put("foundStores", prefix.map(stores::search).orElse(List.of()))
                .put("clerks", prefix.map(p -> staff.search(Role.CLERK, p)).orElse(List.of()))
                .put("holders", prefix.map(p -> staff.search(Role.HOLDER, p)).orElse(List.of()));
        return new View.Template("operator/accounts", prefix.isPresent() ? 200 : 400);
    }
}
