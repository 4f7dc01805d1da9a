package io.kerberus.platform.auth;

import io.kerberus.plugin.auth.SignInException;
import io.kerberus.plugin.auth.SignInInfo;

import java.net.URI;

/** The provider side of an authorization-code sign-in: where to send the browser, and what the code yields. */
interface OAuthClient {

    /** The provider's authorization URL for this attempt. */
    URI authorizeUrl(OAuthFlow flow, String redirectUri);

    /**
     * Redeems the code and finds out who signed in.
     *
     * @throws SignInException when the provider refuses or answers with something unusable, saying why
     */
    SignInInfo complete(String code, OAuthFlow flow, String redirectUri);
}
