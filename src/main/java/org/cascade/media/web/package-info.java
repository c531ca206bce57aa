/**
 * The terminal's pages (insert media, home) and the terminal API: media sign-in with the refusal
 * reason, one-time code redemption, the current RAM version, and the records.
 */
package org.cascade.media.web;
