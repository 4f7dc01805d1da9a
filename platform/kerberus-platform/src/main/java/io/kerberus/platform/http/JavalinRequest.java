package io.kerberus.platform.http;

import io.javalin.http.Context;
import io.kerberus.platform.Json;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A plugin's view of a Javalin request. */
final class JavalinRequest implements Request {

    private final Context ctx;
    private final Principal principal;
    private final String csrfToken;

    JavalinRequest(Context ctx, Principal principal, String csrfToken) {
        this.ctx = ctx;
        this.principal = principal;
        this.csrfToken = csrfToken == null ? "" : csrfToken;
    }

    @Override
    public String method() {
        return ctx.method().name();
    }

    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    @Override
    public List<String> queryParams(String name) {
        return ctx.queryParams(name);
    }

    @Override
    public Map<String, List<String>> queryParamMap() {
        return new LinkedHashMap<>(ctx.queryParamMap());
    }

    @Override
    public Optional<String> formParam(String name) {
        return Optional.ofNullable(ctx.formParam(name));
    }

    @Override
    public List<String> formParams(String name) {
        return ctx.formParams(name);
    }

    @Override
    public Map<String, List<String>> formParamMap() {
        return ctx.formParamMap();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }

    @Override
    public Optional<String> rawQuery() {
        return Optional.ofNullable(ctx.queryString());
    }

    @Override
    public InputStream bodyStream() {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(ctx.cookie(name));
    }

    @Override
    public String body() {
        return ctx.body();
    }

    @Override
    public <T> T bodyAs(Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InputException("The request needs a JSON body");
        }
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (MismatchedInputException e) {
            String field = e.getPathReference();
            throw new InputException("Invalid JSON body" + (field == null || field.isEmpty() ? "" : " at " + field) + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InputException("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    @Override
    public String csrfToken() {
        return csrfToken;
    }

    @Override
    public boolean isHtmx() {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
    }
}
