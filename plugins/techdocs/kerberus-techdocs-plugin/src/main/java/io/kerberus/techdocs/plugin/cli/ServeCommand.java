package io.kerberus.techdocs.plugin.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kerberus.plugin.CliCommand;
import io.kerberus.techdocs.plugin.Version;
import io.kerberus.techdocs.plugin.build.BuildException;
import io.kerberus.techdocs.plugin.build.BuildListener;
import io.kerberus.techdocs.plugin.build.SiteBuilder;
import io.kerberus.techdocs.plugin.build.SourceFingerprint;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsException;
import io.kerberus.techdocs.plugin.publish.ContentTypes;
import io.kerberus.techdocs.plugin.publish.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code kerberus techdocs serve}: builds a docs project, serves it on localhost and rebuilds it
 * when a source file changes; open pages reload themselves after each rebuild (live reload).
 */
public final class ServeCommand implements CliCommand {

    /** The path pages poll for the current build's id. */
    static final String RELOAD_PATH = "/.kerberus/build-id";
    private static final String RELOAD_SCRIPT = "<script>(function(){var id=null;setInterval(function(){fetch('" + RELOAD_PATH
            + "').then(function(r){return r.text();}).then(function(t){if(id!==null&&t!==id){location.reload();}id=t;}).catch(function(){});},700);})();</script>";

    @Override
    public String name() {
        return "techdocs serve";
    }

    @Override
    public String description() {
        return "Preview a docs project at http://localhost:8000 with live reload";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        return Cli.run(new Options(out, err), args, out, err);
    }

    @Command(name = "kerberus techdocs serve", mixinStandardHelpOptions = true,
            description = "Builds the project, serves it and rebuilds it when its files change; open pages reload by themselves.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--source-dir", defaultValue = ".", description = "The project folder, with mkdocs.yml (default: ${DEFAULT-VALUE}).")
        Path sourceDir;
        @Option(names = {"-p", "--port"}, defaultValue = "8000", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
        String host;
        @Option(names = "--poll", defaultValue = "500", description = "How often to look for changes, in milliseconds (default: ${DEFAULT-VALUE}).")
        long pollMillis;
        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;

        private final PrintWriter out;
        private final PrintWriter err;
        private volatile Path site;
        private volatile String buildId = "none";
        private volatile String lastError;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CountDownLatch finished = new CountDownLatch(1);

        Options(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() throws Exception {
            Path source = sourceDir.toAbsolutePath().normalize();
            if (!Files.isDirectory(source)) {
                err.println("error: --source-dir " + sourceDir + " is not a folder");
                return 2;
            }
            Path work = Files.createTempDirectory("kerberus-techdocs-serve");
            SiteBuilder builder = new SiteBuilder(System::getenv, "kerberus " + Version.current());
            String fingerprint = SourceFingerprint.of(source);
            build(builder, source, work, Cli.progress(err, false));
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", this::handle);
            server.start();
            out.println("Serving " + source + " at http://" + host + ":" + server.getAddress().getPort() + "/ (Ctrl+C to stop)");
            out.flush();
            // Ctrl+C: stop watching and wait (briefly) for the temporary site to be removed
            Thread hook = new Thread(() -> {
                stop();
                try {
                    finished.await(2, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                watch(builder, source, work, fingerprint);
            } finally {
                server.stop(0);
                delete(work);
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is running
                }
            }
            return 0;
        }

        /** Stops serving: from Ctrl+C, or from a test. */
        void stop() {
            stop.countDown();
        }

        private void watch(SiteBuilder builder, Path source, Path work, String fingerprint) throws InterruptedException {
            while (!stop.await(pollMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                String now = SourceFingerprint.of(source);
                if (!now.equals(fingerprint)) {
                    fingerprint = now;
                    err.println("Changed; rebuilding");
                    build(builder, source, work, Cli.progress(err, true));
                }
            }
        }

        private void build(SiteBuilder builder, Path source, Path work, BuildListener listener) {
            Path next = work.resolve("site-" + System.nanoTime());
            try {
                SiteBuilder.Result result = builder.build(source, next, source.getFileName().toString(), listener);
                result.warnings().forEach(w -> err.println("WARNING " + w));
                err.println("Built " + result.pages() + " pages in " + result.millis() + " ms");
                Path old = site;
                site = next;
                lastError = null;
                buildId = Long.toString(System.nanoTime());
                if (old != null) {
                    delete(old);
                }
            } catch (BuildException | MkdocsException e) {
                err.println("error: " + e.getMessage());
                lastError = e.getMessage();
                buildId = Long.toString(System.nanoTime());
                delete(next);
            }
            err.flush();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals(RELOAD_PATH)) {
                    send(exchange, 200, "text/plain", buildId.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (lastError != null || site == null) {
                    send(exchange, 500, "text/html; charset=utf-8", ("<!doctype html><title>Build failed</title><h1>The build failed</h1><pre>"
                            + io.kerberus.plugin.ui.Html.escape(String.valueOf(lastError)) + "</pre>" + RELOAD_SCRIPT).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                String relative;
                try {
                    relative = Publisher.checkPath(path.substring(1));
                } catch (IllegalArgumentException e) {
                    send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                Path file = site.resolve(relative);
                if (Files.isDirectory(file)) {
                    exchange.getResponseHeaders().add("Location", path + "/");
                    send(exchange, 301, "text/plain", new byte[0]);
                    return;
                }
                if (!Files.isRegularFile(file)) {
                    send(exchange, 404, "text/html; charset=utf-8", ("<!doctype html><title>Not found</title><p>No page at " + io.kerberus.plugin.ui.Html.escape(path)
                            + " · <a href=\"/\">Home</a></p>" + RELOAD_SCRIPT).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (relative.endsWith(".html")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</body>", RELOAD_SCRIPT + "</body>").getBytes(StandardCharsets.UTF_8);
                }
                send(exchange, 200, ContentTypes.of(relative), bytes);
            }
        }

        private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }
}
