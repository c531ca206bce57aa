/**
 * The operator's pages: stores, staff accounts (and their search), contents with the terminals that
 * can distribute them, storage media (search, revoke), rollback attempts, charts and abuse.
 */
package org.cascade.console.web;
