/** The operator's settlement pages and API, and the holder's deposits. */
package org.cascade.settlement.web;
