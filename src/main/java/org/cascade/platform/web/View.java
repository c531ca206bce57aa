package org.cascade.platform.web;

/** What a page controller answers: a template to render, a redirect, a file, or a bare status. */
public sealed interface View {

    record Template(String name, int status) implements View {
    }

    record Redirect(String path) implements View {
    }

    record Download(String fileName, String contentType, byte[] body) implements View {
    }

    record Status(int status) implements View {
    }

    static View template(String name) {
        return new Template(name, 200);
    }

    static View redirect(String path) {
        return new Redirect(path);
    }

    static View status(int status) {
        return new Status(status);
    }
}
