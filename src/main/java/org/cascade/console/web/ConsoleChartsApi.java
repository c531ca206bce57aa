package org.cascade.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cascade.ledger.application.Ledger;
import org.cascade.ledger.domain.LedgerEntry;
import org.cascade.ledger.domain.TransactionKind;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.ApiCaller;
import org.cascade.platform.web.JsonApi;
import org.cascade.swarm.application.Distribution;
import org.cascade.swarm.domain.LinkPath;

/**
 * The figures behind the console's charts, in time buckets ({@code bucket=hour}: the last 24
 * hours, {@code day}: the last 14 days): bytes delivered by path (each link's bytes in the
 * bucket it opened in), and money: the center's revenue, the holders' royalties and what
 * terminals earned by redistributing.
 */
@Path("console")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleChartsApi {

    @Inject
    Distribution distribution;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @GET
    @Path("bytes")
    public Map<String, Object> bytes(@QueryParam("bucket") @DefaultValue("hour") String bucket) {
        ApiCaller.require(request, Role.OPERATOR);
        TimeSeries series = TimeSeries.of(bucket, clock, Arrays.stream(LinkPath.values()).map(LinkPath::wire).toList());
        distribution.deliveredBetween(series.from(), series.to())
                .forEach(d -> series.add(d.path().wire(), d.openedAt(), d.bytes()));
        return series.json();
    }

    @GET
    @Path("money")
    public Map<String, Object> money(@QueryParam("bucket") @DefaultValue("hour") String bucket) {
        ApiCaller.require(request, Role.OPERATOR);
        TimeSeries series = TimeSeries.of(bucket, clock, List.of("revenue", "royalties", "earnings"));
        for (LedgerEntry e : ledger.entriesBetween(series.from(), series.to())) {
            TransactionKind kind = e.transaction().kind();
            if (kind.clearing()) {
                continue;
            }
            String name = switch (e.account().type()) {
                case CENTER_REVENUE, ADVERTISING -> "revenue";
                case HOLDER_PAYABLE -> "royalties";
                // A terminal's reward for redistributing: a reception crediting a prepaid balance.
                case PREPAID -> kind == TransactionKind.RECEPTION && e.amount() > 0 ? "earnings" : null;
                default -> null;
            };
            if (name != null) {
                series.add(name, e.transaction().postedAt(), e.amount());
            }
        }
        return series.json();
    }
}
