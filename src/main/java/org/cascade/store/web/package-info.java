/** The clerk's pages: the counter, receipts with the new media's code and file, the daily report; and the store API. */
package org.cascade.store.web;
