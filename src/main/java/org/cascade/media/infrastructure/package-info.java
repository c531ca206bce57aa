/** The center's signing key (generated at first start under the data directory), JWS sealing, JPA. */
package org.cascade.media.infrastructure;
