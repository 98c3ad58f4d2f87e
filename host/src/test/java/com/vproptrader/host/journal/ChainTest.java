package com.vproptrader.host.journal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's hash, encoded piece by piece into a reused buffer, is SHA-256 of the row's text as one string. */
class ChainTest {
    private static final String[] PIECES = {"", "tick", "EURUSD", "{\"a\":1}", "é", "日本", "😀", "\uD800", "\uDC00x",
            "a|b", "x".repeat(3000), "ü".repeat(700)};

    @Test
    void everyRowsHashIsShaOfItsWholeTextWhateverItsCharacters() throws Exception {
        Chain chain = new Chain();
        Random random = new Random(5);
        String previous = Chain.GENESIS;
        for (int i = 0; i < 20_000; i++) {
            long time = random.nextInt(3) == 0 ? random.nextLong() : 1_704_191_400_000L + i;
            String kind = piece(random);
            String symbol = piece(random);
            String payload = piece(random) + piece(random) + piece(random);
            String hash = chain.next(previous, time, kind, symbol, payload);
            assertThat(hash).isEqualTo(definition(previous, time, kind, symbol, payload));
            previous = hash;
        }
    }

    /** The chain as first defined: the previous hash, then "|time|kind|symbol|payload" as one UTF-8 string. */
    private static String definition(String previous, long time, String kind, String symbol, String payload) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update(("|" + time + "|" + kind + "|" + symbol + "|" + payload).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String piece(Random random) {
        return PIECES[random.nextInt(PIECES.length)];
    }
}
