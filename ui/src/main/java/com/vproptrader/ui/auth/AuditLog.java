package com.vproptrader.ui.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The UI's own record of every command an operator sent (or was refused), one line each: UTC time, who,
 * their role, the host, the command, the reason, and what happened. The host journals the commands it
 * accepts as well; this file also keeps the refused ones and the ones the host never saw.
 */
public final class AuditLog {

    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void record(String user, String role, String host, String command, String reason, String outcome) {
        String line = Instant.now() + " user=" + user + " role=" + role + " host=" + host + " command=" + command
                + " reason=" + quoted(reason) + " outcome=" + quoted(outcome) + System.lineSeparator();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("audit log " + file, e);
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
    }
}
