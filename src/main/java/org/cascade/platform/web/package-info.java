/**
 * The pages' plumbing: one front controller that maps paths to page controllers
 * ({@link org.cascade.platform.web.Route}), checks roles and CSRF tokens and renders Thymeleaf
 * templates; the texts of every page in English and Japanese ({@code i18n/messages*.properties},
 * the browser's language picks); and the staff sign-in, sign-out and password pages.
 */
package org.cascade.platform.web;
