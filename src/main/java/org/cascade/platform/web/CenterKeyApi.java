package org.cascade.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cascade.platform.infrastructure.CenterKey;

/** The center's public key, with which terminals check what it signed (manifests) before they trust it. */
@Path("center/key")
@RequestScoped
@JsonApi
public class CenterKeyApi {

    @Inject
    CenterKey key;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response key() {
        return Response.ok(key.key().toPublicJWK().toJSONString()).header("Cache-Control", "public, max-age=3600").build();
    }
}
