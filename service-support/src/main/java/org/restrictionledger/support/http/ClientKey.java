package org.restrictionledger.support.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Whom a rate limit counts against: the authenticated principal when the request carries an identity (a token
 * subject once the APIs require tokens), otherwise the client's address. Behind a reverse proxy the address is the
 * proxy's unless {@code quarkus.http.proxy.proxy-address-forwarding=true} (and a trusted proxy) makes it the caller's.
 */
final class ClientKey {

    private ClientKey() {
    }

    static String of(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                return "principal:" + identity.getPrincipal().getName();
            }
        }
        SocketAddress address = context.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }
}
