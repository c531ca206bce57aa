package org.cascade.store.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.NotFound;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.domain.SearchPrefix;
import org.cascade.store.domain.CounterReceipt;
import org.cascade.store.domain.Store;
import org.cascade.store.domain.StoreRepository;

/** The operator's side of stores: opening them and giving them clerks. */
@ApplicationScoped
@Transactional
public class Stores {

    /** The most stores one search shows: a longer prefix narrows it. */
    public static final int FOUND_AT_MOST = 50;

    @Inject
    StoreRepository stores;

    @Inject
    Ledger ledger;

    @Inject
    StaffAccounts staff;

    @Inject
    Clock clock;

    public Store open(@NotBlank @Size(max = 80) String name, @Size(max = 200) String address) {
        if (stores.findByName(name.strip()).isPresent()) {
            throw new RuleViolation("store.name.taken", name.strip());
        }
        Store store = new Store(name, address, clock.instant());
        stores.add(store);
        store.useCashAccount(ledger.open(AccountType.STORE_CASH, store.ledgerName()).id());
        return store;
    }

    /** Opens a clerk account at the store; the one-time password is for the operator to hand over. */
    public StaffAccounts.Opened hireClerk(long storeId, @NotBlank @Size(max = 32) String username,
                                          @NotBlank @Size(max = 80) String displayName) {
        Store store = find(storeId);
        return staff.open(username, displayName, Role.CLERK, store.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Store find(long id) {
        return stores.find(id).orElseThrow(() -> new NotFound("store.unknown", id));
    }

    /** A store's counter journal over [from, to), for the center's reconciliation with its drawer account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CounterReceipt> receipts(long storeId, @NotNull Instant from, @NotNull Instant to) {
        return stores.receipts(storeId, from, to);
    }

    /** The stores whose name begins with what the operator typed (all of them for a blank search), at most {@link #FOUND_AT_MOST}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Store> search(@NotNull SearchPrefix prefix) {
        return stores.findByNamePrefix(prefix, FOUND_AT_MOST);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Store> all() {
        return stores.findAll();
    }
}
