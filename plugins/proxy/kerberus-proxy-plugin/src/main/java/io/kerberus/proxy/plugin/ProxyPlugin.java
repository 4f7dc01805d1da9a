package io.kerberus.proxy.plugin;

import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;

import java.net.http.HttpClient;

/**
 * Backstage's proxy: each endpoint of {@code proxy.endpoints} is served under
 * {@code /api/proxy/<endpoint>} and passed on to its configured target, and to no other host.
 * See docs/proxy.md.
 */
public final class ProxyPlugin implements Plugin {

    private ProxyConfig config;

    @Override
    public String id() {
        return "proxy";
    }

    @Override
    public void register(Registrar registrar) {
        config = ProxyConfig.from(registrar.config());
    }

    @Override
    public void init(PluginContext context) {
        if (config.legacyForm()) {
            context.logger().warn("Proxy endpoints right under 'proxy' are Backstage's deprecated form; move them under proxy.endpoints");
        }
        // 3xx answers go back to the caller: following them could lead to a host nobody configured
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        context.lifecycle().onShutdown(client::shutdownNow);
        new ProxyRoutes(config, client, context.logger()).mount(context.routes());
        config.endpoints().forEach(e -> context.logger().info("Proxy endpoint {} -> {} (credentials: {})",
                e.path(), e.origin(), e.credentials().configValue()));
    }
}
