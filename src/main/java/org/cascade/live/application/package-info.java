/**
 * The live events' use cases: a holder registers an event as its sponsor (FIG. 17A–D) and sees
 * how the center priced it (FIG. 22). Thin: the rules and the pricing are the domain's. Demand
 * figures are, for now, all entered by the sponsor; the center does not yet count downloads of an
 * artist's contents (the catalog records no artist, only a content's writer), so none is taken
 * from its records.
 */
package org.cascade.live.application;
