package io.kerberus.techdocs.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.EntityContent;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.plugin.ServiceRef;
import io.kerberus.plugin.ui.Icon;
import io.kerberus.plugin.ui.NavItem;
import io.kerberus.plugin.ui.Pages;
import io.kerberus.techdocs.TechDocs;
import io.kerberus.techdocs.plugin.build.SiteBuilder;
import io.kerberus.techdocs.plugin.publish.LocalPublisher;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.publish.S3Publisher;
import io.kerberus.techdocs.plugin.service.DocsService;
import io.kerberus.techdocs.plugin.ui.DocsAccess;
import io.kerberus.techdocs.plugin.ui.DocsApi;
import io.kerberus.techdocs.plugin.ui.DocsPages;
import io.kerberus.techdocs.plugin.ui.DocsTab;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * TechDocs: docs like code. Builds the {@code mkdocs.yml} projects that entities point at with
 * {@code backstage.io/techdocs-ref} inside the JVM, publishes them to a folder or S3, and shows them
 * at {@code /docs} and on the entities' Docs tab (added by {@link DocsTabModule}).
 */
public final class TechDocsPlugin implements Plugin {

    /** The Docs tab's content, for {@link DocsTabModule} in this jar. */
    static final ServiceRef<EntityContent> DOCS_TAB = ServiceRef.of("techdocs.entity-docs-tab", EntityContent.class);

    private TechDocsConfig config;

    @Override
    public String id() {
        return "techdocs";
    }

    @Override
    public void register(Registrar registrar) {
        config = TechDocsConfig.from(registrar.config());
        registrar.uses(CatalogClient.REF);
        registrar.provides(TechDocs.REF, DOCS_TAB);
    }

    @Override
    public void init(PluginContext context) throws Exception {
        Path data = context.dataDirectory();
        Publisher publisher = config.s3().<Publisher>map(S3Publisher::new)
                .orElseGet(() -> new LocalPublisher(config.localDirectory().orElse(data.resolve("sites"))));
        if (publisher instanceof S3Publisher s3) {
            try {
                s3.checkBucket();
            } catch (java.io.IOException e) {
                context.logger().error("The docs bucket cannot be used yet; docs pages will fail until it can: {}", e.getMessage());
            }
        }
        if (publisher instanceof AutoCloseable closeable) {
            context.lifecycle().onShutdown(() -> {
                try {
                    closeable.close();
                } catch (Exception e) {
                    context.logger().warn("Closing the docs publisher failed: {}", e.getMessage());
                }
            });
        }
        ExecutorService builds = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("techdocs-build-", 0).daemon().factory());
        context.lifecycle().onShutdown(builds::shutdownNow);
        Supplier<CatalogClient> catalog = context.lazyService(CatalogClient.REF);
        DocsService service = new DocsService(publisher, new SiteBuilder(System::getenv, "kerberus " + Version.current()),
                context.database().unwrap(Jdbi.class), catalog, config.external(), config.refreshInterval(), data.resolve("work"),
                context.clock(), builds, System::getenv, context.logger());
        context.provide(TechDocs.REF, service);
        DocsAccess access = new DocsAccess(context.permissions());
        context.provide(DOCS_TAB, new DocsTab(service, access));

        Pages docs = context.pages().under("/docs");
        new DocsPages(service, catalog, access).mount(docs);
        docs.nav(new NavItem("Docs", "/docs", Icon.DOCS, 300));
        context.pages().stylesheet("/static/techdocs/techdocs.css");
        context.pages().stylesheet("/static/techdocs/content.css");
        context.pages().script("/static/techdocs/techdocs.js");
        new DocsApi(service, access).mount(context.routes());
        context.logger().info("Docs are {} and published to {}", config.external() ? "read as CI publishes them" : "built in the portal", publisher.describe());
    }
}
