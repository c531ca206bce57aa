package org.cascade.live.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.Locale;
import org.cascade.mail.domain.MailAddress;
import org.cascade.platform.domain.RuleViolation;

/**
 * An accepted application as the center keeps it: the {@link Application} the book accepted,
 * the applicant's name and e-mail as entered on the FIG. 18 form, the terminal that will relay the
 * event to it (its distribution destination, FIG. 23 S808) and whether it was charged. One
 * applicant applies once per order (a unique key, so two racing requests cannot both be kept).
 */
@Entity
@Table(name = "LIVE_APPLICATION",
        uniqueConstraints = @UniqueConstraint(name = "LIVE_APPLICATION_ONCE", columnNames = {"EVENTID", "APPLICANT", "DISTRIBUTIONORDER"}),
        indexes = @Index(name = "LIVE_APPLICATION_APPLICANT", columnList = "APPLICANT"))
@NamedQuery(name = "LiveApplication.findByEvent",
        query = "select a from LiveApplication a where a.eventId = :event order by a.appliedAt, a.id")
@NamedQuery(name = "LiveApplication.findByApplicant",
        query = "select a from LiveApplication a where a.applicant = :applicant order by a.appliedAt desc, a.id")
@NamedQuery(name = "LiveApplication.countChargedOfStartedEventsByHolder",
        query = "select count(a) from LiveApplication a, LiveEvent e where a.eventId = e.id and e.holder = :holder "
                + "and e.startsAt <= :now and a.chargedAt is not null")
public class LiveApplication {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = MailAddress.MAX_LENGTH;

    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 16)
    private String eventId;

    /** The applicant's media serial: the ID of the FIG. 18 form. */
    @Column(nullable = false, length = 32)
    private String applicant;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_EMAIL)
    private String email;

    /** The language of the page it was applied from, that its mails are written in; null (English) for older rows. */
    @Column(length = 8)
    private String language;

    @Column(name = "DISTRIBUTIONORDER")
    private int distributionOrder;

    @Column(nullable = false)
    private Instant appliedAt;

    private long amount;

    @Column(nullable = false, length = 64)
    private String editPattern;

    private boolean redistributionAllowed;

    private boolean automaticReconnection;

    private long artistDistributions;

    private int redistributionAbility;

    /** The application whose terminal relays the event to this one; null for the primary order and until given. */
    @Column(length = 24)
    private String destination;

    private Instant chargedAt;

    protected LiveApplication() {
    }

    /**
     * Keeps an application the book accepted, made from a page in {@code language}; refused when
     * the name is empty or too long, or the e-mail cannot take mail (see {@link MailAddress}: a
     * line break, which could add headers to its mails, is refused with the rest).
     */
    public LiveApplication(String eventId, Application accepted, String name, String email, Locale language) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        String n = name == null ? "" : name.strip();
        String e = email == null ? "" : email.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new RuleViolation("live.application.name", MAX_NAME);
        }
        if (!MailAddress.usable(e)) {
            throw new RuleViolation("live.application.email");
        }
        this.id = accepted.id();
        this.applicant = accepted.applicant();
        this.name = n;
        this.email = e;
        this.language = Objects.requireNonNull(language, "language").getLanguage();
        this.distributionOrder = accepted.order();
        this.appliedAt = accepted.appliedAt();
        this.amount = accepted.amount();
        this.editPattern = accepted.editPattern();
        this.redistributionAllowed = accepted.redistributionAllowed();
        this.automaticReconnection = accepted.automaticReconnection();
        this.artistDistributions = accepted.artistDistributions();
        this.redistributionAbility = accepted.redistributionAbility();
    }

    public Application application() {
        return new Application(id, applicant, distributionOrder, appliedAt, amount, editPattern, redistributionAllowed,
                automaticReconnection, artistDistributions, redistributionAbility);
    }

    /** Gives the distribution destination once; a charged applicant's is never moved. */
    public void relayedBy(String relayApplication) {
        if (destination != null) {
            throw new IllegalStateException("application " + id + " has its destination");
        }
        destination = Objects.requireNonNull(relayApplication, "relayApplication");
    }

    /** Marks the application charged; the posting is the ledger's, under this application's key. */
    public void charged(Instant at) {
        if (chargedAt != null) {
            throw new IllegalStateException("application " + id + " was charged");
        }
        chargedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isCharged() {
        return chargedAt != null;
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String applicant() {
        return applicant;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Locale language() {
        return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
    }

    public int order() {
        return distributionOrder;
    }

    public long amount() {
        return amount;
    }

    public String editPattern() {
        return editPattern;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public String destination() {
        return destination;
    }

    public Instant chargedAt() {
        return chargedAt;
    }

    public boolean redistributionAllowed() {
        return redistributionAllowed;
    }

    public boolean automaticReconnection() {
        return automaticReconnection;
    }
}
