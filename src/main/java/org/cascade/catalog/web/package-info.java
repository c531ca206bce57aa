/**
 * The catalog's pages — the user's top page (the contents list), a content's page, the holder's
 * dashboard, registration and content management — and its API: uploads, registration, list,
 * images, preview, manifest, ratings, board and advertising.
 */
package org.cascade.catalog.web;
