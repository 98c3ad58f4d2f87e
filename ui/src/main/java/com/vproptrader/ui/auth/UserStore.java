package com.vproptrader.ui.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UI's logins: a text file, one {@code name role hash} line per person ({@code #} starts a comment), the
 * hash from {@link PasswordHash}. Read again at every login, so a user added with {@link UsersMain} can log in
 * without a restart. Written whole to a temp file and moved into place, owner-readable only.
 */
public final class UserStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Checked against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY = PasswordHash.hash("not a password".toCharArray());

    private record Entry(Role role, String hash) {
    }

    private final Path file;

    public UserStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Reads and checks the whole file; throws naming the first bad line. A missing file is an error. */
    public Map<String, Role> users() throws IOException {
        Map<String, Role> out = new LinkedHashMap<>();
        read().forEach((name, e) -> out.put(name, e.role()));
        return out;
    }

    /** The user when name and password match an entry. */
    public Optional<User> authenticate(String name, char[] password) throws IOException {
        Entry entry = read().get(name);
        if (entry == null) {
            PasswordHash.matches(password, DUMMY);
            return Optional.empty();
        }
        return PasswordHash.matches(password, entry.hash()) ? Optional.of(new User(name, entry.role())) : Optional.empty();
    }

    /** Adds the user, or replaces their role and password; creates the file when missing. */
    public void put(String name, Role role, char[] password) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must be 1-64 of A-Z a-z 0-9 . _ @ -: " + name);
        }
        if (password.length < 8) {
            throw new IllegalArgumentException("password shorter than 8 characters");
        }
        Map<String, Entry> all = Files.exists(file) ? read() : new LinkedHashMap<>();
        all.put(name, new Entry(role, PasswordHash.hash(password)));
        write(all);
    }

    /** Removes the user; false when there was none of that name. */
    public boolean remove(String name) throws IOException {
        Map<String, Entry> all = read();
        if (all.remove(name) == null) {
            return false;
        }
        write(all);
        return true;
    }

    private Map<String, Entry> read() throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no users file " + file + ": add a login with "
                    + "java -cp ... com.vproptrader.ui.auth.UsersMain add --file " + file + " --role operator NAME");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 3) {
                    throw new IllegalArgumentException("expected 'name role hash'");
                }
                if (!NAME.matcher(f[0]).matches()) {
                    throw new IllegalArgumentException("bad user name " + f[0]);
                }
                PasswordHash.check(f[2]);
                if (out.put(f[0], new Entry(Role.parse(f[1]), f[2])) != null) {
                    throw new IllegalArgumentException("user " + f[0] + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private void write(Map<String, Entry> all) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# VPropTrader UI logins: name role pbkdf2-hash (manage with com.vproptrader.ui.auth.UsersMain)");
        all.forEach((name, e) -> lines.add(name + " " + e.role().label() + " " + e.hash()));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".users", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system keeps its default permissions
            }
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
