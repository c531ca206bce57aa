package org.cascade.settlement.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.settlement.application.Reconciliations;
import org.cascade.settlement.application.Settlements;
import org.cascade.settlement.domain.Payment;
import org.cascade.settlement.domain.SettlementRun;

/** The operator's settlement API: runs, their files, acknowledgements and reconciliation. */
@Path("settlement")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementApi {

    /** A day to settle (yyyy-mm-dd), or none for every closed day not settled yet. */
    public record RunRequest(@Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}") String day) {
    }

    /** The acknowledgement file's text, exactly as the institution sent it. */
    public record AcknowledgementFile(@NotBlank @Size(max = Settlements.MAX_ACKNOWLEDGEMENT) String file) {
    }

    @Inject
    Settlements settlements;

    @Inject
    Reconciliations reconciliations;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @GET
    @Path("runs")
    public List<Map<String, Object>> runs() {
        ApiCaller.require(request, Role.OPERATOR);
        return settlements.recent().stream().map(SettlementApi::run).toList();
    }

    @POST
    @Path("runs")
    public List<Map<String, Object>> settle(RunRequest body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        if (body.day() == null) {
            return settlements.settleClosedPeriods().stream().map(SettlementApi::run).toList();
        }
        return List.of(run(settlements.settle(parse(body.day())).run()));
    }

    @GET
    @Path("runs/{id}/file")
    @Produces("text/csv")
    public Response file(@PathParam("id") long id) {
        ApiCaller.require(request, Role.OPERATOR);
        SettlementRun run = settlements.run(id);
        return Response.ok(run.file(), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + run.fileName() + "\"").build();
    }

    @POST
    @Path("acknowledgements")
    public Map<String, Object> acknowledge(AcknowledgementFile body) {
        ApiCaller.require(request, Role.OPERATOR);
        input.valid(body);
        Settlements.Acknowledged a = settlements.acknowledge(body.file());
        return Map.of("deposited", a.deposited(), "rejected", a.rejected(), "unchanged", a.unchanged());
    }

    @GET
    @Path("reconciliation")
    public Map<String, Object> reconcile(@QueryParam("day") String day) {
        ApiCaller.require(request, Role.OPERATOR);
        Reconciliations.Report report = reconciliations.reconcile(day == null ? settlements.lastClosedDay() : parse(day));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("day", report.period().day().toString());
        out.put("mediaChecked", report.mediaChecked());
        out.put("transfersChecked", report.transfersChecked());
        out.put("storesChecked", report.storesChecked());
        out.put("differences", report.differences().stream().map(d -> Map.<String, Object>of("check", d.check().name(),
                "subject", d.subject(), "expected", d.expected(), "found", d.found(),
                "events", d.transactions().stream().map(id -> {
                    Reconciliations.Event e = report.events().get(id);
                    return e == null ? Map.<String, Object>of("transaction", id)
                            : Map.<String, Object>of("transaction", id, "kind", e.kind().name(), "postedAt", e.postedAt().toString());
                }).toList())).toList());
        return out;
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolation("api.malformed");
        }
    }

    static Map<String, Object> run(SettlementRun run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("name", run.name());
        out.put("day", run.day().toString());
        out.put("ranAt", run.ranAt().toString());
        out.put("payments", run.payments().stream().map(SettlementApi::payment).toList());
        return out;
    }

    static Map<String, Object> payment(Payment p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("payeeType", p.payeeType().name());
        out.put("payee", p.payee());
        out.put("direction", p.direction().name());
        out.put("amount", p.amount());
        out.put("status", p.status().name());
        return out;
    }
}
