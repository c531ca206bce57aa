/**
 * The catalog's use cases: uploads; registration of a content from completed uploads; its
 * processing into a signed manifest; the list arranged for a user; added information (comments,
 * preview, ratings, board and its moderation); advertising paid from a holder's funds.
 */
package org.cascade.catalog.application;
