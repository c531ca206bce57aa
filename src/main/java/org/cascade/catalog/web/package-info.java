/** The contents holder's pages. */
package org.cascade.catalog.web;
