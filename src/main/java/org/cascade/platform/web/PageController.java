package org.cascade.platform.web;

/**
 * One page of the center, in gtvg's manner: GET shows it, POST changes something and then
 * redirects (or shows the page again with the refusal). A controller never changes state on GET.
 */
public interface PageController {

    View get(PageRequest request);

    default View post(PageRequest request) {
        return View.status(405);
    }
}
