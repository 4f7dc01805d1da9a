package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.Html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * The Definition tab of API entities: OpenAPI in Swagger UI, AsyncAPI, GraphQL, gRPC and others as
 * highlighted source. Both libraries are webjars served by the portal and loaded only on this tab.
 */
final class DefinitionTab {

    private static final Properties VERSIONS = load();

    private DefinitionTab() {
    }

    static boolean appliesTo(Entity entity) {
        return entity.kind().equalsIgnoreCase("api");
    }

    static Html render(Entity entity, String rawPath) {
        String type = entity.specString("type").orElse("").toLowerCase(Locale.ROOT);
        String definition = entity.specString("definition").orElse("");
        if (definition.isBlank()) {
            return EmptyState.of("No definition", "This API has no spec.definition; add one to its descriptor, "
                    + "for example definition: {$text: ./openapi.yaml}.").html();
        }
        Html source = Html.format("<pre class=\"definition-source\" data-highlight-js=\"{}\"><code class=\"language-{}\">{}</code></pre>",
                webjar("highlightjs", "highlight.min.js"), language(type, definition), definition);
        Html download = Html.format("<a class=\"button small\" href=\"{}\" download=\"{}\">Download</a>", rawPath, entity.name() + extension(type, definition));
        if (type.equals("openapi")) {
            return Html.format("""
                    <div class="definition-actions row">{}</div>\
                    <div class="swagger-host" data-swagger-url="{}" data-swagger-js="{}" data-swagger-css="{}"><p class="muted">Loading the OpenAPI viewer…</p></div>\
                    <details class="raw-definition"><summary>Raw definition</summary>{}</details>""",
                    download, rawPath, webjar("swagger-ui", "swagger-ui-bundle.js"), webjar("swagger-ui", "swagger-ui.css"), source);
        }
        return Html.format("<div class=\"definition-actions row\"><span class=\"badge muted\">{}</span>{}</div>{}",
                type.isEmpty() ? "definition" : type, download, source);
    }

    private static String language(String type, String definition) {
        return switch (type) {
            case "graphql" -> "graphql";
            case "grpc" -> "protobuf";
            case "openapi", "asyncapi" -> definition.stripLeading().startsWith("{") ? "json" : "yaml";
            default -> "plaintext";
        };
    }

    private static String extension(String type, String definition) {
        return switch (type) {
            case "graphql" -> ".graphql";
            case "grpc" -> ".proto";
            default -> definition.stripLeading().startsWith("{") ? ".json" : ".yaml";
        };
    }

    private static String webjar(String name, String file) {
        return "/webjars/" + name + "/" + VERSIONS.getProperty(name + ".version") + "/" + file;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = DefinitionTab.class.getResourceAsStream("/kerberus-catalog.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
