package com.vproptrader.host.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The journal's hash chain: each row's hash is SHA-256 over the previous row's hash and this row's content,
 * so changing, removing or moving any row changes every hash after it. One instance per thread.
 */
final class Chain {
    /** The "previous hash" of the first row. */
    static final String GENESIS = "0".repeat(64);

    private final MessageDigest sha256;

    Chain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    /** The row's content as UTF-8, reused from row to row (one instance per thread). */
    private byte[] bytes = new byte[512];

    /**
     * SHA-256 over {@code previousHash} and {@code |eventTimeMsc|kind|symbol|payload}, all UTF-8. The text is encoded
     * into a reused buffer rather than concatenated first: the journal's writer hashes every row.
     */
    String next(String previousHash, long eventTimeMsc, String kind, String symbol, String payload) {
        int n = 0;
        n = put(previousHash, n);
        n = put("|", n);
        n = put(Long.toString(eventTimeMsc), n);
        n = put("|", n);
        n = put(kind, n);
        n = put("|", n);
        n = put(symbol, n);
        n = put("|", n);
        n = put(payload, n);
        sha256.reset();
        sha256.update(bytes, 0, n);
        return HEX.formatHex(sha256.digest());
    }

    /** Appends {@code s} as UTF-8 at {@code at}; returns the new length. ASCII byte by byte, the rest via the JDK. */
    private int put(String s, int at) {
        int len = s.length();
        ensure(at + len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(at + i + utf8.length);
                System.arraycopy(utf8, 0, bytes, at + i, utf8.length);
                return at + i + utf8.length;
            }
            bytes[at + i] = (byte) c;
        }
        return at + len;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(capacity, 2 * bytes.length));
        }
    }
}
