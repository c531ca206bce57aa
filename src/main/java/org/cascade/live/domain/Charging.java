package org.cascade.live.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * When applicants are charged (FIG. 23). Primary applicants are charged together once their
 * number reaches the set count (S802–S803), so nobody pays for an event that does not gather its
 * primary terminals; after that, each further confirmed primary applicant is charged at once.
 * Applicants of later orders are charged when their distribution destination — the terminal of
 * the upper order that will relay to them — is specified (S808–S809), since only then is their
 * place in the cascade real. This decides who is due; the postings happen in the ledger.
 */
public record Charging(int setCount) {

    public Charging {
        if (setCount < 1) {
            throw new IllegalArgumentException("set count " + setCount);
        }
    }

    /** The confirmed primary applicants to charge now: none until their number reaches the set count. */
    public List<Application> primaryDue(List<Application> confirmedPrimary, Set<String> charged) {
        if (confirmedPrimary.stream().anyMatch(a -> a.order() != 1)) {
            throw new IllegalArgumentException("not all primary");
        }
        if (confirmedPrimary.size() < setCount) {
            return List.of();
        }
        return confirmedPrimary.stream().filter(a -> !charged.contains(a.id())).toList();
    }

    /** The confirmed later-order applicants whose destination is specified and who were not charged. */
    public List<Application> laterDue(List<Application> confirmedLater, Collection<String> withDestination,
                                      Set<String> charged) {
        if (confirmedLater.stream().anyMatch(a -> a.order() == 1)) {
            throw new IllegalArgumentException("a primary applicant among the later orders");
        }
        Set<String> specified = Set.copyOf(withDestination);
        return confirmedLater.stream().filter(a -> specified.contains(a.id()) && !charged.contains(a.id())).toList();
    }
}
