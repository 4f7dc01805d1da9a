package io.kerberus.platform.auth;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import io.kerberus.plugin.auth.SignInResolver;
import io.kerberus.plugin.auth.SignInResolverFactory;
import io.kerberus.plugin.auth.UserDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * A provider's {@code signIn.resolvers}, tried in order: the first that signs the person in wins;
 * when none does, the refusal lists each resolver's reason.
 */
public final class SignInResolvers {

    private static final Logger LOG = LoggerFactory.getLogger(SignInResolvers.class);
    static final String PREFERRED_USERNAME_KEY = "dangerouslyAllowPreferredUsername";

    private record Entry(String name, SignInResolver resolver) {
    }

    private final String key;
    private final List<Entry> entries;

    private SignInResolvers(String key, List<Entry> entries) {
        this.key = key;
        this.entries = List.copyOf(entries);
    }

    /** The config key of the list, as {@code auth.providers.oidc.development.signIn.resolvers}. */
    public String key() {
        return key;
    }

    /** The resolver names, in order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /**
     * Reads {@code signIn.resolvers} of a provider block; {@code key} is its full path, for messages.
     * Refuses {@code usernameMatchingUserEntityName} for OpenID Connect (its {@code preferred_username}
     * is neither unique nor stable) unless {@code dangerouslyAllowPreferredUsername: true} is set next
     * to it, and {@code emailLocalPartMatchingUserEntityName} without {@code allowedDomains} in
     * production (anyone with an address of any domain the provider accepts could take a name).
     */
    static SignInResolvers from(Config block, String key, ProviderSettings.Kind kind, boolean production) {
        Map<String, SignInResolverFactory> factories = factories();
        Config signIn = block.getOptionalConfig("signIn").orElseThrow(() -> block.error("signIn",
                "is required: list how a signed-in person becomes a catalog User, for example "
                        + "signIn: {resolvers: [{resolver: emailMatchingUserEntityProfileEmail}]}; known resolvers: " + factories.keySet()));
        List<Config> list = signIn.getConfigList("resolvers");
        if (list.isEmpty()) {
            throw signIn.error("resolvers", "needs at least one resolver; known resolvers: " + factories.keySet());
        }
        List<Entry> entries = new ArrayList<>();
        for (Config entry : list) {
            String name = entry.getString("resolver");
            SignInResolverFactory factory = factories.get(name);
            if (factory == null) {
                throw entry.error("resolver", "unknown sign-in resolver \"" + name + "\"; known resolvers: " + factories.keySet());
            }
            if (kind == ProviderSettings.Kind.OIDC && name.equals("usernameMatchingUserEntityName")
                    && !entry.getBoolean(PREFERRED_USERNAME_KEY, false)) {
                throw entry.error("resolver", "usernameMatchingUserEntityName matches the OpenID Connect claim preferred_username, "
                        + "which the OIDC spec says is neither unique nor stable: whoever can choose or change that name at the provider "
                        + "signs in as the User of that name. Use emailMatchingUserEntityProfileEmail, or set "
                        + PREFERRED_USERNAME_KEY + ": true next to the resolver if the provider does not let people pick their user name");
            }
            if (name.equals("emailLocalPartMatchingUserEntityName")
                    && entry.getOptionalStringList("allowedDomains").map(List::isEmpty).orElse(true)) {
                String why = "emailLocalPartMatchingUserEntityName without allowedDomains lets anyone whose address the provider "
                        + "vouches for (jane@any-domain) sign in as user:default/jane";
                if (production) {
                    throw entry.error("allowedDomains", "is required in production: " + why + "; list your domains, "
                            + "for example allowedDomains: [acme.org]");
                }
                LOG.warn("{}: {}; add allowedDomains (start-up fails without it in production)", key, why);
            }
            entries.add(new Entry(name, factory.create(entry)));
        }
        return new SignInResolvers(key, entries);
    }

    /**
     * Signs a person in, trying each resolver in order.
     *
     * @throws SignInException naming why each resolver refused
     */
    public Principal resolve(SignInInfo info, Optional<UserDirectory> directory) {
        UserDirectory users = directory.orElseThrow(() -> new SignInException("Sign-in resolvers look people up in the catalog, "
                + "but no plugin provides a user directory; enable the catalog plugin (catalog.enabled) and add User entities."));
        List<String> reasons = new ArrayList<>();
        for (Entry entry : entries) {
            try {
                return entry.resolver().resolve(info, users);
            } catch (SignInException e) {
                reasons.add(entries.size() == 1 ? e.getMessage() : entry.name() + ": " + e.getMessage());
            }
        }
        if (reasons.size() == 1) {
            throw new SignInException(reasons.get(0));
        }
        throw new SignInException("None of the sign-in resolvers in " + key + " found a user. " + String.join(" ", reasons));
    }

    private static Map<String, SignInResolverFactory> factories() {
        Map<String, SignInResolverFactory> factories = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : SignInResolvers.class.getClassLoader();
        for (SignInResolverFactory factory : ServiceLoader.load(SignInResolverFactory.class, loader)) {
            factories.putIfAbsent(factory.name(), factory);
        }
        for (SignInResolverFactory factory : BuiltinResolvers.all()) {
            factories.putIfAbsent(factory.name(), factory);
        }
        return factories;
    }
}
