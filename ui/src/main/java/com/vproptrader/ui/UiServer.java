package com.vproptrader.ui;

import com.vproptrader.ui.feed.AdminFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator UI: Vaadin Flow (no Spring) in an embedded Jetty, plus the one {@link AdminFeed} that all
 * browser sessions of this server share.
 *
 * <p>Vaadin finds the routes through Jetty's annotation scan of the class path (hence the container jar
 * pattern and the discovered configurations). Vaadin runs in development mode on its pre-compiled
 * bundle: no npm, no frontend build. That mode still writes generated frontend files into a "project
 * folder"; each server gives it a fresh temp folder, deleted on {@link #close()}, so nothing is ever
 * written to the working folder or the source tree.
 */
public final class UiServer implements AutoCloseable {

    /** Servlet-context attribute holding this server's {@link AdminFeed}; read by the views. */
    public static final String FEED_ATTRIBUTE = AdminFeed.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);

    /**
     * What Jetty scans for annotations and web resources: class folders, the jar (or folder) holding this
     * class, and Vaadin's own jars. Scanning every jar ({@code .*\.jar}) also works but walks gRPC, Netty,
     * SQLite, Selenium... for nothing and slows start-up.
     */
    static String scannedJars() {
        String own;
        try {
            own = Path.of(UiServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            own = "/ui-";
        }
        return ".*/classes/.*|.*" + java.util.regex.Pattern.quote(own) + ".*"
                + "|.*/(flow|vaadin|copilot|hilla|collaboration-engine|license-checker|signals|atmosphere)[^/]*\\.jar$";
    }

    private final Server jetty;
    private final AdminFeed feed;
    private final Path baseDir;

    private UiServer(Server jetty, AdminFeed feed, Path baseDir) {
        this.jetty = jetty;
        this.feed = feed;
        this.baseDir = baseDir;
    }

    /** Starts the feed and the HTTP server; returns when the UI answers on {@link #port()}. */
    public static UiServer start(UiConfig cfg) throws Exception {
        long started = System.nanoTime();
        openPushResourceJar();
        Path baseDir = Files.createTempDirectory("vpt-ui-");
        Path webRoot = Files.createDirectories(baseDir.resolve("webroot"));
        Path vaadinProject = Files.createDirectories(baseDir.resolve("vaadin"));
        AdminFeed feed = AdminFeed.start(cfg.adminTarget(), cfg.watchIntervalMs(), cfg.equityPoints());
        Server jetty = new Server(new InetSocketAddress(cfg.bindAddress(), cfg.httpPort()));
        try {
            WebAppContext context = new WebAppContext();
            context.setContextPath("/");
            context.setBaseResourceAsPath(webRoot);
            context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, scannedJars());
            context.setConfigurationDiscovered(true);
            context.setAttribute(FEED_ATTRIBUTE, feed);
            // Dev mode writes generated frontend files into its "project folder": keep them out of the
            // working folder and the source tree, in this server's own temp folder.
            context.setInitParameter("project.basedir", vaadinProject.toString());
            context.setInitParameter("build.folder", "build");
            context.setInitParameter("devmode.liveReload.enabled", "false");
            context.setInitParameter("devmode.devTools.enabled", "false");
            context.setInitParameter("vaadin.launch-browser", "false");
            jetty.setHandler(context);
            jetty.start();
            if (context.getUnavailableException() != null) {
                throw new IllegalStateException("UI web app failed to start", context.getUnavailableException());
            }
            UiServer ui = new UiServer(jetty, feed, baseDir);
            LOG.info("UI on http://{}:{}/ (AdminService {}) started in {} ms", cfg.bindAddress(), ui.port(),
                    cfg.adminTarget(), (System.nanoTime() - started) / 1_000_000);
            return ui;
        } catch (Exception | Error e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            feed.close();
            deleteTree(baseDir);
            throw e;
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The feed this server's views read. */
    public AdminFeed feed() {
        return feed;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty", e);
        } finally {
            feed.close();
            deleteTree(baseDir);
        }
    }

    /**
     * Jetty serves {@code /VAADIN/static/push/vaadinPush.js} as a path inside the flow-push jar; without
     * an open zip file system for that jar it fails with FileSystemNotFoundException.
     */
    private static void openPushResourceJar() throws IOException {
        URL push = UiServer.class.getClassLoader().getResource("META-INF/resources/VAADIN/static/push/vaadinPush.js");
        if (push == null || !"jar".equals(push.getProtocol())) {
            return;
        }
        try {
            URI uri = push.toURI();
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // opened by an earlier server in this JVM
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
