package io.kerberus.platform.auth;

import io.kerberus.plugin.Identity;
import io.kerberus.plugin.Principal;

import java.util.Optional;

/** {@link Identity} on behalf of one plugin; its service token is reused until shortly before it expires. */
public final class PluginIdentity implements Identity {

    private static final long REUSE_MILLIS = 45 * 60 * 1000L;

    private final Tokens tokens;
    private final String pluginId;
    private volatile String serviceToken;
    private volatile long issuedAt;

    public PluginIdentity(Tokens tokens, String pluginId) {
        this.tokens = tokens;
        this.pluginId = pluginId;
    }

    @Override
    public String serviceToken() {
        long now = System.currentTimeMillis();
        if (serviceToken == null || now - issuedAt > REUSE_MILLIS) {
            serviceToken = tokens.issueServiceToken(pluginId);
            issuedAt = now;
        }
        return serviceToken;
    }

    @Override
    public String issueUserToken(Principal user) {
        return tokens.issueUserToken(user);
    }

    @Override
    public Optional<Principal> verify(String token) {
        return tokens.verify(token);
    }
}
