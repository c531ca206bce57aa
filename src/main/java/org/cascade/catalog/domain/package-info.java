/**
 * The catalog: what contents holders register and users find. A content with its terms, writer
 * and running figures; its manifest (piece hashes, root, whole-file hash) which, signed, is its
 * originality mark; the images it is shown with; ratings, bulletin-board posts, users' display
 * conditions and the list query they shape; advertising; and uploads — files sent in chunks that
 * each continue exactly where the last one ended, within the size declared at the start.
 */
package org.cascade.catalog.domain;
