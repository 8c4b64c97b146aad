package org.restrictionledger.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * The policy of every read ({@code quarkus.http.auth.permission.reads.policy=read}): public by default; with
 * {@code rl.security.read-role-required=true} a caller needs role {@code reader}, {@code reporter} or {@code operator}
 * (anonymous: 401, another role: 403). One switch, read at start-up, rather than two sets of path rules.
 */
@ApplicationScoped
public class ReadPolicy extends RolePolicy {

    private final boolean roleRequired;

    ReadPolicy(@ConfigProperty(name = "rl.security.read-role-required") boolean roleRequired) {
        this.roleRequired = roleRequired;
    }

    @Override
    protected Set<String> roles() {
        return Set.of(Roles.READER, Roles.REPORTER, Roles.OPERATOR);
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        return roleRequired ? super.checkPermission(request, identity, requestContext) : CheckResult.permit();
    }

    @Override
    public String name() {
        return "read";
    }
}
