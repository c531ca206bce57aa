package org.cascade.settlement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.AccountType;
import org.cascade.ledger.domain.LedgerEntry;
import org.cascade.ledger.domain.LedgerRepository;
import org.cascade.ledger.domain.LedgerTransaction;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.settlement.domain.Difference;
import org.cascade.settlement.domain.Period;
import org.cascade.settlement.domain.Reconciliation;
import org.cascade.store.application.Stores;
import org.cascade.store.domain.Store;

/**
 * Reconciles one day: every media's balance against its postings and its terminal's accounting
 * records, every transfer's charge against what it credited, every store's counter journal
 * against its drawer account. Reads only; the differences are for the operator to act on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reconciliations {

    @Inject
    Ledger ledger;

    @Inject
    Stores stores;

    @Inject
    Clock clock;

    /** A ledger transaction behind a difference, as the operator sees it. */
    public record Event(long transactionId, TransactionKind kind, Instant postedAt, String partner, String contentId) {
    }

    public record Report(Period period, int mediaChecked, int transfersChecked, int storesChecked,
                         List<Difference> differences, Map<Long, Event> events) {

        public boolean clean() {
            return differences.isEmpty();
        }
    }

    public Report reconcile(@NotNull LocalDate day) {
        Period period = new Period(day, clock.getZone());
        Instant from = period.start();
        Instant to = period.end();
        List<Difference> differences = new ArrayList<>();

        Map<String, List<Reconciliation.Posting>> media = new LinkedHashMap<>();
        for (LedgerRepository.StatementLine line : ledger.statementsBetween(AccountType.PREPAID, from, to)) {
            LedgerEntry e = line.entry();
            boolean inPeriod = !e.transaction().postedAt().isBefore(from);
            media.computeIfAbsent(e.account().owner(), k -> new ArrayList<>()).add(new Reconciliation.Posting(
                    e.transaction().id(), inPeriod, e.amount(), e.balanceAfter(),
                    line.record() == null ? null : line.record().amount(), line.record() == null ? null : line.record().balance()));
        }
        media.forEach((owner, postings) -> differences.addAll(Reconciliation.media(owner, postings)));

        Map<Long, List<LedgerEntry>> byTransaction = new LinkedHashMap<>();
        for (LedgerEntry e : ledger.entriesBetween(from, to)) {
            byTransaction.computeIfAbsent(e.transaction().id(), k -> new ArrayList<>()).add(e);
        }
        int transfers = 0;
        for (List<LedgerEntry> entries : byTransaction.values()) {
            LedgerTransaction t = entries.get(0).transaction();
            if (t.contentId() != null && !t.kind().clearing()) {
                transfers++;
                differences.addAll(Reconciliation.transfer(t.contentId(), t.id(), entries.stream().map(LedgerEntry::amount).toList()));
            }
        }

        List<Store> all = stores.all();
        for (Store store : all) {
            Map<Long, Long> drawer = new LinkedHashMap<>();
            byTransaction.values().forEach(entries -> entries.stream()
                    .filter(e -> e.account().id().equals(store.cashAccountId()) && !e.transaction().kind().clearing())
                    .forEach(e -> drawer.merge(e.transaction().id(), e.amount(), Long::sum)));
            List<Reconciliation.Receipt> receipts = stores.receipts(store.id(), from, to).stream()
                    .map(r -> new Reconciliation.Receipt(r.id(), r.transactionId(), r.cash())).toList();
            differences.addAll(Reconciliation.store(store.ledgerName(), drawer, receipts));
        }

        Map<Long, Event> events = new LinkedHashMap<>();
        for (Difference d : differences) {
            for (Long id : d.transactions()) {
                ledger.transaction(id).ifPresent(t -> events.put(id, new Event(id, t.kind(), t.postedAt(), t.partner(), t.contentId())));
            }
        }
        return new Report(period, media.size(), transfers, all.size(), List.copyOf(differences), events);
    }
}
