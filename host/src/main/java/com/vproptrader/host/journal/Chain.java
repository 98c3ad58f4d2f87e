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

    String next(String previousHash, long eventTimeMsc, String kind, String symbol, String payload) {
        sha256.reset();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        String content = "|" + eventTimeMsc + "|" + kind + "|" + symbol + "|" + payload;
        sha256.update(content.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
