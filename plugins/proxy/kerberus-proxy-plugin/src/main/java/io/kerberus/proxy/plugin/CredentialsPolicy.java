package io.kerberus.proxy.plugin;

import java.util.Arrays;
import java.util.Optional;

/** Backstage's {@code credentials} setting of a proxy endpoint: who may call it and whether their token goes on. */
enum CredentialsPolicy {

    /** A Kerberus credential is needed; it is not passed to the target (the default). */
    REQUIRE("require"),
    /** A Kerberus credential is needed, and the caller's {@code Authorization} header is passed on. */
    FORWARD("forward"),
    /** Anyone may call; nothing is checked. */
    DANGEROUSLY_ALLOW_UNAUTHENTICATED("dangerously-allow-unauthenticated");

    private final String configValue;

    CredentialsPolicy(String configValue) {
        this.configValue = configValue;
    }

    String configValue() {
        return configValue;
    }

    boolean needsCredential() {
        return this != DANGEROUSLY_ALLOW_UNAUTHENTICATED;
    }

    static Optional<CredentialsPolicy> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.configValue.equals(value)).findFirst();
    }
}
