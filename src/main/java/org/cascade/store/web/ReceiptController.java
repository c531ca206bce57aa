package org.cascade.store.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaFile;
import org.cascade.platform.domain.Role;
import org.cascade.store.application.StoreCounter;
import org.cascade.store.domain.CounterReceipt;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** The receipt of one counter operation; for a new media, its code and its file to hand to the buyer. */
@ApplicationScoped
@Route(value = {"/store/receipt", "/store/media-file"}, roles = Role.CLERK)
public class ReceiptController implements PageController {

    @Inject
    StoreCounter counter;

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String clerk = request.username().orElseThrow();
        long id = request.requiredLong("id", 1, Long.MAX_VALUE);
        if (request.path().equals("/store/media-file")) {
            MediaFile file = counter.handoverFile(clerk, id);
            return new View.Download(file.fileName(), "application/json", file.toJson().getBytes(StandardCharsets.UTF_8));
        }
        CounterReceipt receipt = counter.receipt(clerk, id);
        request.put("receipt", receipt)
                .put("balance", media.balance(receipt.serial()))
                .put("code", request.servletRequest().getSession().getAttribute(CounterController.CODE + receipt.id()));
        return View.template("store/receipt");
    }
}
