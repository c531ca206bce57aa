/** The console's reads that combine contexts: contents with the terminals online that can distribute them. */
package org.cascade.console.application;
