package org.cascade.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cascade.ledger.application.Ledger;
import org.cascade.media.application.StorageMedias;

/**
 * What client tests read of the ledger behind the API, from a deployment that includes this
 * class: the invariants ({@code /testing/ledger}) and a media's balance, revoked or not
 * ({@code /testing/ledger?serial=}).
 */
@WebServlet("/testing/ledger")
public class LedgerReadings extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Ledger ledger;

    @Inject
    StorageMedias media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String serial = request.getParameter("serial");
        if (serial != null) {
            response.getWriter().write(String.valueOf(media.balance(serial)));
            return;
        }
        Ledger.Invariants invariants = ledger.invariants();
        response.getWriter().write((invariants.hold() ? "hold " : "broken ") + invariants);
    }

    /** The ledger's invariants as the deployment at {@code base} finds them: "hold …" on a sound ledger. */
    public static String invariants(URL base) throws IOException, InterruptedException {
        return read(base, "testing/ledger");
    }

    /** A media's balance on the deployment at {@code base}. */
    public static long balance(URL base, String serial) throws IOException, InterruptedException {
        return Long.parseLong(read(base, "testing/ledger?serial=" + URLEncoder.encode(serial, StandardCharsets.UTF_8)).strip());
    }

    private static String read(URL base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
