package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.live.application.LiveApplications;
import org.cascade.live.domain.LotteryResult;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * A published lottery draw: the commitment, the seed, every entry with its tier, ticket and
 * place. The page recomputes the draw in the browser from the seed (js/live/verify-draw.js), so
 * whoever reads it checks it without trusting the center.
 */
@ApplicationScoped
@Route(value = "/live/draw", roles = {Role.TERMINAL, Role.HOLDER, Role.OPERATOR})
public class LiveDrawController implements PageController {

    @Inject
    LiveApplications live;

    @Override
    public View get(PageRequest request) {
        String id = request.required("id");
        request.put("eventId", id).put("draw", live.draw(id, (int) request.requiredLong("order", 1, 100)))
                .put("artistPriority", LotteryResult.ARTIST_DISTRIBUTIONS_FOR_PRIORITY);
        return View.template("live/draw");
    }
}
