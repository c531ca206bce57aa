/** Running settlements (on schedule and on demand), taking acknowledgements, reconciling a period. */
package org.cascade.settlement.application;
