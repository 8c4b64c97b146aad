package org.restrictionledger.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.restrictionledger.events.Submitter;

import java.util.Optional;

/** Who is calling, as the contract records it. */
public final class Callers {

    private Callers() {
    }

    /**
     * The caller as a {@link Submitter}: the token's {@code sub} (the principal's name when a token has none) and its
     * {@code preferred_username}; empty for an anonymous caller.
     */
    public static Optional<Submitter> submitter(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        String subject = identity.getPrincipal().getName();
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            name = token.getClaim("preferred_username");
        }
        return subject == null || subject.isBlank() ? Optional.empty() : Optional.of(new Submitter(subject, name));
    }

    /** Whether the caller may see every submission, not only its own. */
    public static boolean isOperator(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Roles.OPERATOR);
    }
}
