package com.vproptrader.host.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs of a fixed size, mounted in a mount namespace of its own, so a test can fill a real file system to
 * ENOSPC without touching the machine's mounts. A holder process ({@code unshare -m}, or {@code unshare -Urm} where
 * the test is not root) mounts it and then waits on its standard input: the namespace, and the tmpfs with it, ends
 * when the holder is closed or the test's JVM dies. Processes run inside it through {@link #enter()}; the test
 * reads and writes the same files through {@code /proc/<holder>/root}.
 */
final class PrivateTmpfs implements AutoCloseable {
    private final Process holder;
    private final Path mountPoint;
    private final boolean userNamespace;
    private final Path ballast;

    private PrivateTmpfs(Process holder, Path mountPoint, boolean userNamespace) {
        this.holder = holder;
        this.mountPoint = mountPoint.toAbsolutePath();
        this.userNamespace = userNamespace;
        this.ballast = inside(this.mountPoint.resolve("ballast"));
    }

    /**
     * Mounts {@code bytes} of tmpfs on {@code mountPoint} in a new mount namespace, or skips the test (an assumption,
     * with both attempts' errors) when this machine allows neither way.
     */
    static PrivateTmpfs mount(Path mountPoint, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        List<String> errors = new ArrayList<>();
        for (boolean userNs : new boolean[] {false, true}) {
            List<String> cmd = new ArrayList<>(List.of("unshare", userNs ? "-Urm" : "-m", "--propagation", "private",
                    "sh", "-c", "mount -t tmpfs -o size=" + bytes + " tmpfs '" + mountPoint.toAbsolutePath()
                            + "' && echo mounted && exec cat"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] first = new byte[8];
            int n = p.getInputStream().readNBytes(first, 0, first.length);
            String line = new String(first, 0, Math.max(n, 0), StandardCharsets.UTF_8);
            if (line.startsWith("mounted")) {
                return new PrivateTmpfs(p, mountPoint, userNs);
            }
            p.waitFor(5, TimeUnit.SECONDS);
            errors.add(String.join(" ", cmd.subList(0, 2)) + ": " + line
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            p.destroyForcibly();
        }
        Assumptions.abort("cannot mount a tmpfs in a private mount namespace here: " + errors);
        throw new AssertionError("unreachable");
    }

    /** The command prefix that runs a program in this namespace (nsenter execs it in place: same pid). */
    List<String> enter() {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder.pid())));
        if (userNamespace) {
            cmd.addAll(List.of("-U", "--preserve-credentials"));
        }
        cmd.addAll(List.of("-m", "--"));
        return cmd;
    }

    /** A path of the namespace (e.g. a file on the tmpfs) as the test's own process reaches it. */
    Path inside(Path path) {
        return Path.of("/proc/" + holder.pid() + "/root" + path.toAbsolutePath());
    }

    /** Fills what is left of the tmpfs with a ballast file until the kernel answers ENOSPC; returns its size. */
    long fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
        // What the page cache could not take in whole chunks: write it byte by byte so nothing is left.
        try (OutputStream out = Files.newOutputStream(ballast, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException full) {
            return written;
        }
    }

    /** Deletes the ballast: the space comes back. */
    void free() throws IOException {
        Files.deleteIfExists(ballast);
    }

    @Override
    public void close() throws InterruptedException {
        holder.destroy();
        holder.waitFor(10, TimeUnit.SECONDS);
    }
}
