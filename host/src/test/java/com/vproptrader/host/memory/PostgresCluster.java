package com.vproptrader.host.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests, from the Debian packages' binaries ({@code /usr/lib/postgresql/N/bin},
 * installed by ops/install-test-deps.sh): initdb into {@code target/} (under root: /tmp), started with pg_ctl on a
 * free port with its socket folder beside it, stopped when the test JVM exits. No system service is used. PostgreSQL refuses
 * to run as root, so under root the binaries run as the {@code postgres} user the package creates.
 */
public final class PostgresCluster {
    private static PostgresCluster shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The cluster of this test JVM, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start(clusterDir());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /**
     * {@code target/postgres-PID}; under root a fresh folder in /tmp instead, because the {@code postgres} user must
     * reach it and a checkout may sit below a folder only root can enter (a mktemp folder, a home directory).
     */
    private static Path clusterDir() {
        if (!asRoot()) {
            return Path.of("target", "postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        }
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "vpt-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the test PostgreSQL in /tmp", e);
        }
    }

    /** A new empty database; its JDBC URL (user {@code vpt}, trusted on loopback). */
    public String newDatabase() {
        String name = "store_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " in " + dir, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=vpt";
    }

    public int port() {
        return port;
    }

    static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql/*/bin: run ops/install-test-deps.sh "
                    + "(Debian package postgresql)", e);
        }
    }

    private static PostgresCluster start(Path dir) {
        try {
            Path bin = binaries();
            Files.createDirectories(dir.resolve("socket"));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (asRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            PostgresCluster cluster = new PostgresCluster(bin, dir, port);
            cluster.pg(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "vpt",
                    "--auth=trust", "--locale=C", "--encoding=UTF8", "--no-sync");
            cluster.pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -k " + dir.resolve("socket") + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dir, e);
        }
    }

    private void stop() {
        try {
            pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } catch (RuntimeException | IOException e) {
            System.err.println("stopping the test PostgreSQL in " + dir + " failed: " + e);
        }
        if (dir.startsWith(Path.of("/tmp"))) {
            try {
                run(List.of("rm", "-rf", dir.toString()));
            } catch (IOException e) {
                System.err.println("removing " + dir + " failed: " + e);
            }
        }
    }

    private void pg(String... command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        run(cmd);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }
}
