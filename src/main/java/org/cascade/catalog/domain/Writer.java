package org.cascade.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The writer of a content: name, information shown to users, and the payout account settlement pays. */
@Embeddable
public class Writer {

    @Column(name = "WRITER_NAME", nullable = false, length = 120)
    private String name;

    @Column(name = "WRITER_INFO", length = 1000)
    private String information;

    @Column(name = "WRITER_PAYOUT", nullable = false, length = 200)
    private String payoutAccount;

    protected Writer() {
    }

    public Writer(String name, String information, String payoutAccount) {
        this.name = Texts.required(name, 120, "content.writer.name");
        this.information = Texts.optional(information, 1000, "content.writer.info");
        this.payoutAccount = Texts.required(payoutAccount, 200, "content.writer.payout");
    }

    public String name() {
        return name;
    }

    public String information() {
        return information;
    }

    public String payoutAccount() {
        return payoutAccount;
    }

}
