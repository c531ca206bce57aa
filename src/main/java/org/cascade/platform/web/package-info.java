/**
 * The pages' plumbing: one front controller that maps paths to page controllers
 * ({@link org.cascade.platform.web.Route}), checks roles and CSRF tokens and renders Thymeleaf
 * templates; the texts of every page in English and Japanese ({@code i18n/messages*.properties},
 * the browser's language picks); and the staff sign-in, sign-out and password pages. Every
 * refusal is a page in the caller's language with a 4xx status: a refused form is shown again
 * (422), a stale token gets 403, and a form naming what is not the caller's gets the 404 of the
 * page it would have shown again.
 */
package org.cascade.platform.web;
