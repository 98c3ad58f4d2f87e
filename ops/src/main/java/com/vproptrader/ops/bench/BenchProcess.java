package com.vproptrader.ops.bench;

import com.vproptrader.ops.install.ConfigFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM child process on this process's classpath, its output copied to a log file and kept for
 * {@link #awaitLine}; its CPU time and resident memory read from {@code /proc} (Linux).
 */
final class BenchProcess implements AutoCloseable {
    static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, `getconf CLK_TCK` on Linux
    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private BenchProcess(String name, Process process, Path log) throws IOException {
        this.name = name;
        this.process = process;
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (out; BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.println(line);
                    if (lines.size() < 200) {
                        lines.add(line); // the start-up lines are the ones waited for
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code mainClass} with the JVM options (heap limits) and arguments given; output to {@code log}. */
    static BenchProcess start(String name, Path log, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        return new BenchProcess(name, new ProcessBuilder(cmd).redirectErrorStream(true).start(), log);
    }

    /** The JVM options an installed system gives {@code process} ("host", "gateway", "ui"): one source, ConfigFile. */
    static List<String> jvmOptions(String process) {
        return ConfigFile.processes().stream().filter(p -> p.name().equals(process)).findFirst()
                .map(p -> List.of(p.jvmOptions().split(" ")))
                .orElseThrow(() -> new IllegalArgumentException("no process " + process));
    }

    /** Waits for an output line matching {@code regex}; returns its first group. */
    String awaitLine(String regex, long seconds) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && process.isAlive()) {
            for (String line : lines) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : line;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " never printed /" + regex + "/:\n" + String.join("\n", lines));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** User + system CPU seconds the process has used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return (userTicks(stat) + systemTicks(stat)) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Clock ticks in user mode, from a {@code /proc/.../stat} line (a process's or a thread's). */
    static long userTicks(String stat) {
        return Long.parseLong(statFields(stat)[11]);
    }

    /** Clock ticks in the kernel, from a {@code /proc/.../stat} line (a process's or a thread's). */
    static long systemTicks(String stat) {
        return Long.parseLong(statFields(stat)[12]);
    }

    /** The fields after the command's closing parenthesis (the command may hold spaces): state first, utime 12th. */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** Resident memory now, MiB. */
    double rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + name);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
