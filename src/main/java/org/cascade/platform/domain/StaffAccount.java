package org.cascade.platform.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person who signs in with a user name and password: the operator, a store clerk (bound to
 * one store) or a contents holder. The account guards its own rules: a clerk always belongs to a
 * store, a password is never stored in clear, and an account whose password was handed out by
 * someone else must change it before doing anything else.
 */
@Entity
@Table(name = "STAFF_ACCOUNT")
@NamedQuery(name = "StaffAccount.findByUsername",
        query = "select a from StaffAccount a where a.username = :username")
@NamedQuery(name = "StaffAccount.findAll", query = "select a from StaffAccount a order by a.role, a.username")
@NamedQuery(name = "StaffAccount.countByRole", query = "select count(a) from StaffAccount a where a.role = :role")
@NamedQuery(name = "StaffAccount.findByRoleAndPrefix", query = "select a from StaffAccount a where a.role = :role"
        + " and (lower(a.username) like :prefix escape '\\' or lower(a.displayName) like :prefix escape '\\') order by a.username")
public class StaffAccount {

    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    public static final int MIN_PASSWORD_LENGTH = 10;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(nullable = false, length = 80)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    /** The store a clerk works at; null for other roles. */
    private Long storeId;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    private boolean passwordChangeRequired;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long revision;

    protected StaffAccount() {
    }

    /**
     * Opens an account whose password was chosen by someone else (the first start, or the
     * operator): its owner must choose a new one at first sign-in.
     */
    public static StaffAccount open(String username, String displayName, Role role, Long storeId,
                                    char[] handedOutPassword, Instant now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RuleViolation("staff.username.invalid");
        }
        if (role == Role.TERMINAL) {
            throw new IllegalArgumentException("terminal users sign in with a storage media");
        }
        if ((role == Role.CLERK) != (storeId != null)) {
            throw new RuleViolation("staff.clerk.store.required");
        }
        requireStrong(handedOutPassword);
        StaffAccount a = new StaffAccount();
        a.username = username;
        a.displayName = displayName.strip();
        a.role = role;
        a.storeId = storeId;
        a.passwordHash = PasswordHash.hash(handedOutPassword);
        a.passwordChangeRequired = true;
        a.createdAt = now;
        return a;
    }

    public boolean passwordMatches(char[] password) {
        return PasswordHash.matches(password, passwordHash);
    }

    /** The owner chooses a new password, proving they know the current one. */
    public void changePassword(char[] current, char[] chosen) {
        if (!passwordMatches(current)) {
            throw new RuleViolation("staff.password.wrong");
        }
        requireStrong(chosen);
        if (PasswordHash.matches(chosen, passwordHash)) {
            throw new RuleViolation("staff.password.same");
        }
        passwordHash = PasswordHash.hash(chosen);
        passwordChangeRequired = false;
    }

    private static void requireStrong(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
            throw new RuleViolation("staff.password.weak", MIN_PASSWORD_LENGTH);
        }
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Long storeId() {
        return storeId;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
