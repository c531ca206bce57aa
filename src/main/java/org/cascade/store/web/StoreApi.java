package org.cascade.store.web;

import org.cascade.platform.application.RequestKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaFile;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.ApiInput;
import org.cascade.platform.web.JsonApi;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.domain.CounterReceipt;
import org.cascade.store.domain.DailyReport;

/** The store counter's API, for the signed-in clerk's own store; daily reports also for the operator. */
@Path("")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreApi {

    public record Sale(@Min(1) @Max(StoreCounter.MAX_AMOUNT) long amount, @NotNull @Size(min = 6, max = 200) String password,
                       @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
    }

    public record Replenishment(@NotBlank @Size(max = MediaFile.MAX_LENGTH) String media,
                                @Min(1) @Max(StoreCounter.MAX_AMOUNT) long amount,
                                @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
    }

    public record Reissue(@NotBlank @Size(max = 16) String revokedSerial, @NotNull @Size(min = 6, max = 200) String password,
                          @NotNull @Pattern(regexp = RequestKey.PATTERN) String requestKey) {
    }

    @Inject
    StoreCounter counter;

    @Inject
    StorageMedias media;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    /** Sells a media; the answer carries its file and one-time code (absent when the request key was seen before). */
    @POST
    @Path("store/sales")
    public Map<String, Object> sell(Sale body) {
        String clerk = ApiCaller.require(request, Role.CLERK);
        input.valid(body);
        return done(counter.sell(clerk, body.amount(), body.password().toCharArray(), body.requestKey()));
    }

    @POST
    @Path("store/replenishments")
    public Map<String, Object> replenish(Replenishment body) {
        String clerk = ApiCaller.require(request, Role.CLERK);
        input.valid(body);
        return done(counter.replenish(clerk, body.media(), body.amount(), body.requestKey()));
    }

    @POST
    @Path("store/receipts/{receipt}/void")
    public Map<String, Object> voidReplenishment(@PathParam("receipt") long receipt) {
        String clerk = ApiCaller.require(request, Role.CLERK);
        return done(counter.voidReplenishment(clerk, receipt));
    }

    @POST
    @Path("store/reissues")
    public Map<String, Object> reissue(Reissue body) {
        String clerk = ApiCaller.require(request, Role.CLERK);
        input.valid(body);
        return done(counter.reissue(clerk, body.revokedSerial(), body.password().toCharArray(), body.requestKey()));
    }

    @GET
    @Path("store/receipts")
    public List<Map<String, Object>> recent() {
        String clerk = ApiCaller.require(request, Role.CLERK);
        return counter.recentReceipts(clerk).stream().map(StoreApi::receipt).toList();
    }

    @GET
    @Path("stores/{store}/reports/{day}")
    public Map<String, Object> report(@PathParam("store") long store, @PathParam("day") String day) {
        String viewer = ApiCaller.require(request, Role.CLERK, Role.OPERATOR);
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("form.date", "day");
        }
        DailyReport report = counter.dailyReport(viewer, store, date);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", report.store().id());
        out.put("day", report.day().toString());
        out.put("lines", report.lines().stream().map(l -> Map.of("operation", l.operation().name(), "count", l.count(),
                "amount", l.amount())).toList());
        out.put("cashTotal", report.cashTotal());
        out.put("ledgerCash", report.ledgerCash());
        out.put("reconciled", report.reconciled());
        out.put("receipts", report.receipts().stream().map(StoreApi::receipt).toList());
        return out;
    }

    private Map<String, Object> done(StoreCounter.Done done) {
        Map<String, Object> out = receipt(done.receipt());
        out.put("balance", media.balance(done.receipt().serial()));
        out.put("replay", done.replay());
        if (done.handover() != null) {
            out.put("code", done.handover().code());
            out.put("media", done.handover().file().toJson());
        }
        return out;
    }

    static Map<String, Object> receipt(CounterReceipt r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receipt", r.id());
        out.put("operation", r.operation().name());
        out.put("serial", r.serial());
        out.put("amount", r.amount());
        out.put("clerk", r.clerk());
        out.put("at", r.at().toString());
        return out;
    }
}
