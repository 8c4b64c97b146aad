package org.restrictionledger.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
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
public class ReadPolicy implements HttpSecurityPolicy {

    static final Set<String> READ_ROLES = Set.of(Roles.READER, Roles.REPORTER, Roles.OPERATOR);

    private final boolean roleRequired;

    ReadPolicy(@ConfigProperty(name = "rl.security.read-role-required") boolean roleRequired) {
        this.roleRequired = roleRequired;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        if (!roleRequired) {
            return CheckResult.permit();
        }
        return identity.map(id -> READ_ROLES.stream().anyMatch(id::hasRole) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "read";
    }
}
