/** The operator's pages: stores, staff accounts, storage media (search, revoke) and rollback attempts. */
package org.cascade.console.web;
