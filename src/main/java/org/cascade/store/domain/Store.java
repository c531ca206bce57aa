package org.cascade.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cascade.platform.domain.RuleViolation;

/** A store that sells storage media and replenishes them (the spec's store terminal 5), with its cash drawer account. */
@Entity
@Table(name = "STORE")
@NamedQuery(name = "Store.findAll", query = "select s from Store s order by s.name")
@NamedQuery(name = "Store.findByName", query = "select s from Store s where s.name = :name")
@NamedQuery(name = "Store.findByNamePrefix",
        query = "select s from Store s where lower(s.name) like :prefix escape '\\' order by s.name")
public class Store {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 80)
    private String name;

    @Column(length = 200)
    private String address;

    private Long cashAccountId;

    @Column(nullable = false)
    private Instant openedAt;

    protected Store() {
    }

    public Store(String name, String address, Instant openedAt) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new RuleViolation("store.name.invalid");
        }
        this.name = name.strip();
        this.address = address == null || address.isBlank() ? null : address.strip();
        this.openedAt = openedAt;
    }

    public void useCashAccount(long accountId) {
        this.cashAccountId = accountId;
    }

    /** The ledger owner name of this store's accounts, and the partner named on its customers' records. */
    public String ledgerName() {
        return "store:" + id;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Long cashAccountId() {
        return cashAccountId;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
