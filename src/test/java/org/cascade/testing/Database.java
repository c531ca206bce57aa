package org.cascade.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * For tests that change a row behind the application's back (a tampered record): one SQL update
 * in its own transaction, then the shared cache emptied so that the application reads what the
 * database now holds. In-container tests inject it; browser tests, whose deployment includes it,
 * call {@link #update(URL, String, Object...)}, which sends the update to {@code /testing/database}.
 */
@ApplicationScoped
public class Database {

    @PersistenceContext(unitName = "cascade")
    EntityManager em;

    @Transactional
    public int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        int changed = query.executeUpdate();
        em.getEntityManagerFactory().getCache().evictAll();
        return changed;
    }

    /** From a browser test: the same update on the deployment at {@code base}; returns the rows changed. */
    public static int update(URL base, String sql, Object... parameters) throws IOException, InterruptedException {
        String form = "sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8) + Arrays.stream(parameters)
                .map(p -> "&p=" + URLEncoder.encode(String.valueOf(p), StandardCharsets.UTF_8)).collect(Collectors.joining());
        HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "testing/database"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 200) {
            throw new IllegalStateException("the update was refused: " + done.statusCode() + " " + done.body());
        }
        return Integer.parseInt(done.body().strip());
    }

    /** Runs one update sent by a browser test; whole numbers among its parameters are passed as numbers. */
    @WebServlet("/testing/database")
    public static class Update extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Inject
        Database database;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String sql = request.getParameter("sql");
            if (sql == null || !sql.strip().toLowerCase(java.util.Locale.ROOT).startsWith("update ")) {
                response.sendError(400, "only one update statement");
                return;
            }
            String[] raw = request.getParameterValues("p");
            Object[] parameters = raw == null ? new Object[0]
                    : Arrays.stream(raw).map(p -> p.matches("-?[0-9]{1,18}") ? (Object) Long.valueOf(p) : p).toArray();
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(database.update(sql, parameters)));
        }
    }
}
