package org.cascade.live.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.live.application.LiveEvents;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** The operator's live events: those taking applications, and one event's cascade on air. */
@ApplicationScoped
@Route(value = "/operator/live", roles = Role.OPERATOR)
public class OperatorLiveController implements PageController {

    @Inject
    LiveEvents live;

    @Override
    public View get(PageRequest request) {
        request.put("events", live.open());
        request.put("event", request.param("id").map(live::find).orElse(null));
        return View.template("operator/live");
    }
}
