package com.vproptrader.ui;

import com.vproptrader.ui.auth.Access;
import com.vproptrader.ui.auth.AuditLog;
import com.vproptrader.ui.auth.UserStore;
import com.vproptrader.ui.feed.AdminFeed;
import com.vproptrader.ui.feed.Hosts;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The operator UI: Vaadin Flow (no Spring) in an embedded Jetty, plus one {@link AdminFeed} per configured host
 * ({@link Hosts}) that all browser sessions of this server share. Every page needs a login ({@code auth}).
 *
 * <p>Vaadin finds the routes through Jetty's annotation scan of the class path (hence the container jar
 * pattern and the discovered configurations). Vaadin runs in development mode on its pre-compiled
 * bundle: no npm, no frontend build. That mode still writes generated frontend files into a "project
 * folder"; each server gives it a fresh temp folder, deleted on {@link #close()}, so nothing is ever
 * written to the working folder or the source tree.
 */
public final class UiServer implements AutoCloseable {

    /** Servlet-context attribute holding this server's {@link Hosts}; read by the views. */
    public static final String HOSTS_ATTRIBUTE = Hosts.class.getName();

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
    private final Hosts hosts;
    private final Path baseDir;

    private UiServer(Server jetty, Hosts hosts, Path baseDir) {
        this.jetty = jetty;
        this.hosts = hosts;
        this.baseDir = baseDir;
    }

    /** Starts the feed and the HTTP server; returns when the UI answers on {@link #port()}. */
    public static UiServer start(UiConfig cfg) throws Exception {
        long started = System.nanoTime();
        refuseUnsafeBinding(cfg);
        UserStore users = new UserStore(cfg.usersFile());
        if (users.users().isEmpty()) { // also checks the whole file: a bad line stops the start, naming it
            throw new IllegalArgumentException("no logins in " + cfg.usersFile() + ": add one with UsersMain add");
        }
        openPushResourceJar();
        Path baseDir = Files.createTempDirectory("vpt-ui-");
        Path webRoot = Files.createDirectories(baseDir.resolve("webroot"));
        Path vaadinProject = Files.createDirectories(baseDir.resolve("vaadin"));
        AuditLog audit = new AuditLog(cfg.auditFile());
        Hosts hosts = Hosts.start(cfg, audit);
        Server jetty = new Server();
        jetty.addConnector(connector(jetty, cfg));
        try {
            WebAppContext context = new WebAppContext();
            context.setContextPath("/");
            context.setBaseResourceAsPath(webRoot);
            context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, scannedJars());
            context.setConfigurationDiscovered(true);
            context.setAttribute(HOSTS_ATTRIBUTE, hosts);
            context.addServlet(FaviconServlet.class, "/favicon.ico");
            context.setAttribute(Access.STORE_ATTRIBUTE, users);
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
            UiServer ui = new UiServer(jetty, hosts, baseDir);
            LOG.info("UI on {}://{}:{}/ (AdminService {}) started in {} ms", cfg.tls() == null ? "http" : "https",
                    cfg.bindAddress(), ui.port(), cfg.adminTargets(), (System.nanoTime() - started) / 1_000_000);
            return ui;
        } catch (Exception | Error e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            hosts.close();
            deleteTree(baseDir);
            throw e;
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The feed of the first host (the one a new session shows). */
    public AdminFeed feed() {
        return hosts.feed(0);
    }

    /**
     * Plain HTTP only on loopback unless explicitly allowed: a login over plain HTTP on a network would send
     * passwords and session cookies in clear.
     */
    static void refuseUnsafeBinding(UiConfig cfg) throws java.net.UnknownHostException {
        boolean loopback = java.net.InetAddress.getByName(cfg.bindAddress()).isLoopbackAddress();
        if (!loopback && cfg.tls() == null && !cfg.insecureRemote()) {
            throw new IllegalArgumentException("refusing to serve plain HTTP on " + cfg.bindAddress()
                    + " (not loopback): give a TLS keystore (--tls-keystore) or allow it explicitly (--insecure-remote)");
        }
    }

    private static ServerConnector connector(Server jetty, UiConfig cfg) {
        ServerConnector connector;
        if (cfg.tls() == null) {
            connector = new ServerConnector(jetty);
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(cfg.tls().keystore().toString());
            ssl.setKeyStorePassword(cfg.tls().password());
            HttpConfiguration https = new HttpConfiguration();
            // the certificate's name is the operator's business (e.g. a LAN address): no SNI host check
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
        }
        connector.setHost(cfg.bindAddress());
        connector.setPort(cfg.httpPort());
        return connector;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty", e);
        } finally {
            hosts.close();
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
