package io.kerberus.plugin;

import java.util.Optional;

/** Issues and checks the portal's tokens. */
public interface Identity {

    /**
     * A short-lived token with which this plugin calls other Kerberus replicas or plugins over HTTP
     * ({@code Authorization: Bearer <token>}); they see {@link Principal#service}.
     */
    String serviceToken();

    /**
     * A user token (Backstage-shaped ES256 JWT) for a principal of type {@link Principal.Type#USER},
     * as auth providers hand out at sign-in.
     */
    String issueUserToken(Principal user);

    /** Checks a bearer token of any accepted kind; empty when it is invalid or expired. */
    Optional<Principal> verify(String token);
}
