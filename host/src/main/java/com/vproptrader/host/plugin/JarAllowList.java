package com.vproptrader.host.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which plugin JARs may load: off (every JAR), or only JARs whose SHA-256 is listed in a file in
 * {@code sha256sum} format ({@code <64 hex digits>  <name>}; blank lines and {@code #} comments ignored). The
 * file is read at every check, so an operator approves a JAR by appending its line, without a restart. An
 * unreadable or malformed list refuses every JAR: verification on means nothing unlisted ever loads.
 */
public final class JarAllowList {
    private static final Pattern LINE = Pattern.compile("^([0-9a-fA-F]{64})(\\s+\\*?\\S.*)?$");
    private static final JarAllowList OFF = new JarAllowList(null);

    private final Path file;

    private JarAllowList(Path file) {
        this.file = file;
    }

    /** Every JAR may load (the default). */
    public static JarAllowList off() {
        return OFF;
    }

    /** Only JARs whose SHA-256 the file lists may load. */
    public static JarAllowList of(Path file) {
        return new JarAllowList(file.toAbsolutePath());
    }

    public boolean enabled() {
        return file != null;
    }

    /** @return null when the JAR may load, else why not (naming its SHA-256 so the operator can approve it) */
    String refusal(Path jar) {
        if (file == null) {
            return null;
        }
        String digest;
        try {
            digest = sha256(jar);
        } catch (IOException e) {
            return "unverified: cannot read the JAR to hash it: " + e;
        }
        Set<String> allowed;
        try {
            allowed = read();
        } catch (IOException | IllegalArgumentException e) {
            return "unverified: allow list " + file + " unusable (" + e.getMessage() + "); SHA-256 " + digest;
        }
        return allowed.contains(digest) ? null
                : "unverified: SHA-256 " + digest + " is not in the allow list " + file;
    }

    private Set<String> read() throws IOException {
        Set<String> out = new HashSet<>();
        int n = 0;
        for (String raw : Files.readAllLines(file)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + n + " is not '<sha-256 hex>  <name>'");
            }
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Lower-case hex SHA-256 of a file's bytes, as {@code sha256sum} prints it. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
