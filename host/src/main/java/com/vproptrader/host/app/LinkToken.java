package com.vproptrader.host.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret a terminal's hello must carry. Generated on the host's first start into its config
 * folder (readable by the host's user only) and reused on every start after, so a link is never open to any
 * local client by default; the gateway, the demo and the EA's {@code InpToken} input take it from there.
 */
public final class LinkToken {
    /** The token file's name, beside the journal unless given. */
    public static final String FILE_NAME = "link-token";

    private LinkToken() {
    }

    /** The token in {@code file}, creating the file with a new random token when there is none. */
    public static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Path temp = Files.createTempFile(parent, FILE_NAME, ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, token + "\n");
            Files.move(temp, file); // atomic create: two hosts starting at once cannot both win
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
            return read(file);
        }
        return token;
    }

    private static String read(Path file) throws IOException {
        String token = Files.readString(file).trim();
        if (token.isEmpty()) {
            throw new IOException("link token file " + file + " is empty: delete it to generate a new token");
        }
        return token;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's ACL.
        }
    }
}
