package org.restrictionledger.support.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * A path rule's policy: the caller needs one of {@link #roles()}. An anonymous caller fails with
 * {@link UnauthorizedException} rather than a plain deny, so that the refusal reaches {@link AuthProblems} and is
 * answered as a 401 problem (a plain deny of an anonymous caller is answered by the mechanism's bare challenge).
 */
public abstract class RolePolicy implements HttpSecurityPolicy {

    protected abstract Set<String> roles();

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        return identity.onItem().transformToUni(RolePolicy.this::check);
    }

    protected Uni<CheckResult> check(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        return Uni.createFrom().item(roles().stream().anyMatch(identity::hasRole) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    /** {@code policy=reporter}: submit reports, read own submissions (an operator may too). */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Reporter extends RolePolicy {
        @Override
        protected Set<String> roles() {
            return Set.of(Roles.REPORTER, Roles.OPERATOR);
        }

        @Override
        public String name() {
            return "reporter";
        }
    }

    /** {@code policy=operator}: every admin action. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Operator extends RolePolicy {
        @Override
        protected Set<String> roles() {
            return Set.of(Roles.OPERATOR);
        }

        @Override
        public String name() {
            return "operator";
        }
    }
}
