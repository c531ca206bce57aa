/**
 * The catalog on disk and in the database: uploads and registered contents under the data
 * directory, manifests sealed with the center's key, JPA repositories, the sweep of expired uploads.
 */
package org.cascade.catalog.infrastructure;
