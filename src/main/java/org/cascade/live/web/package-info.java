/**
 * The holder's live event pages: the list of the holder's events, the FIG. 17 registration form,
 * and an event's page with how the center priced it (both ranks explained, the reference price,
 * the distribution orders).
 */
package org.cascade.live.web;
