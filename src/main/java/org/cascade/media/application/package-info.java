/** Issuing, handing over, inserting (signing in with) and revoking storage media. */
package org.cascade.media.application;
