/**
 * Storage media (spec FIG. 5): the ROM part sealed once at the store with the access key, the
 * RAM part re-sealed after every posting with the balance and a version counter, the center's
 * record that decides which versions it accepts, hand-overs by file and one-time code, and the
 * rollback attempts kept for the operator.
 */
package org.cascade.media.domain;
