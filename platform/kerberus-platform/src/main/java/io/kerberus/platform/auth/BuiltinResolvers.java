package io.kerberus.platform.auth;

import io.kerberus.plugin.Config;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;
import io.kerberus.plugin.auth.SignInResolver;
import io.kerberus.plugin.auth.SignInResolverFactory;
import io.kerberus.plugin.auth.UserDirectory;

import java.util.List;
import java.util.Locale;

/**
 * Backstage's common sign-in resolvers: {@code emailMatchingUserEntityProfileEmail},
 * {@code emailLocalPartMatchingUserEntityName} (option {@code allowedDomains}) and
 * {@code usernameMatchingUserEntityName}.
 */
final class BuiltinResolvers {

    private BuiltinResolvers() {
    }

    static List<SignInResolverFactory> all() {
        return List.of(
                factory("emailMatchingUserEntityProfileEmail", options -> (info, users) -> {
                    String email = email(info, "emailMatchingUserEntityProfileEmail");
                    return one(info, users.findUsers("spec.profile.email", email), "spec.profile.email = " + email);
                }),
                factory("emailLocalPartMatchingUserEntityName", options -> {
                    List<String> domains = options.getOptionalStringList("allowedDomains").orElse(List.of()).stream()
                            .map(d -> d.toLowerCase(Locale.ROOT)).toList();
                    return (info, users) -> {
                        String email = email(info, "emailLocalPartMatchingUserEntityName");
                        int at = email.lastIndexOf('@');
                        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
                        if (!domains.isEmpty() && !domains.contains(domain)) {
                            throw new SignInException("The e-mail domain " + domain + " is not in allowedDomains " + domains
                                    + "; sign in with an address of those domains or change " + info.resolversKey());
                        }
                        return byName(info, users, email.substring(0, at), " (the local part of " + email + ")");
                    };
                }),
                factory("usernameMatchingUserEntityName", options -> (info, users) -> {
                    String username = info.username().orElseThrow(() -> new SignInException("The " + info.provider()
                            + " provider gave no user name, so usernameMatchingUserEntityName cannot find a User; change " + info.resolversKey()));
                    return byName(info, users, username, " (the " + info.provider() + " user name)");
                }));
    }

    private static String email(SignInInfo info, String resolver) {
        String email = info.email().orElseThrow(() -> new SignInException("The " + info.provider() + " provider gave no e-mail address, so "
                + resolver + " cannot find a User; let the provider share the e-mail (scope email) or change " + info.resolversKey()));
        if (email.indexOf('@') <= 0) {
            throw new SignInException("The " + info.provider() + " provider gave \"" + email + "\", which is not an e-mail address; change "
                    + info.resolversKey());
        }
        return email;
    }

    private static Principal byName(SignInInfo info, UserDirectory users, String name, String source) {
        List<UserDirectory.User> found = users.findUsers("metadata.name", name).stream()
                .filter(user -> user.entityRef().startsWith("user:default/"))
                .toList();
        return one(info, found, "metadata.name = " + name + source + " in namespace default");
    }

    private static Principal one(SignInInfo info, List<UserDirectory.User> found, String condition) {
        if (found.isEmpty()) {
            throw new SignInException("No User entity has " + condition + "; add one to the catalog or change " + info.resolversKey() + ".");
        }
        if (found.size() > 1) {
            throw new SignInException(found.size() + " User entities have " + condition + " ("
                    + String.join(", ", found.stream().map(UserDirectory.User::entityRef).toList())
                    + "); make it unique in the catalog or change " + info.resolversKey() + ".");
        }
        UserDirectory.User user = found.get(0);
        return Principal.user(user.entityRef(), user.ownershipRefs(), user.displayName());
    }

    private static SignInResolverFactory factory(String name, java.util.function.Function<Config, SignInResolver> create) {
        return new SignInResolverFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SignInResolver create(Config options) {
                return create.apply(options);
            }
        };
    }
}
