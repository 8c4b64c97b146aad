package org.restrictionledger.support.security;

/**
 * The roles a token may carry (in {@code groups}, {@code roles} or Keycloak's {@code realm_access.roles}). Which path
 * needs which: {@code quarkus.http.auth.permission.*} in service-support's {@code META-INF/microprofile-config.properties}.
 */
public final class Roles {

    /** Submits reports and reads its own submissions. */
    public static final String REPORTER = "reporter";
    /** Every admin action (rebuild, re-drive, dead letters, checkpoints) and everything a reporter may do. */
    public static final String OPERATOR = "operator";
    /** Reads the APIs when {@code rl.security.read-role-required=true}. */
    public static final String READER = "reader";

    private Roles() {
    }
}
