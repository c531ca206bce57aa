package org.cascade.settlement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface SettlementRepository {

    void add(SettlementRun run);

    Optional<SettlementRun> find(long id);

    Optional<SettlementRun> byDay(LocalDate day);

    List<SettlementRun> recent(int max);

    Optional<Payment> payment(String id);

    List<Payment> paymentsTo(String payee, int max);
}
