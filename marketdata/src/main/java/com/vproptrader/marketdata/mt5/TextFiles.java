package com.vproptrader.marketdata.mt5;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file in the encoding its byte-order mark announces. MetaTrader writes its exports as
 * UTF-16LE with a BOM, while re-saved or hand-made files are usually UTF-8: both must load unchanged.
 */
public final class TextFiles {
    private TextFiles() {
    }

    public static BufferedReader open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    /** Reads {@code in} as UTF-16LE/BE when it starts with that BOM (which is skipped), else UTF-8. */
    public static BufferedReader open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        int b0 = buffered.read();
        int b1 = buffered.read();
        Charset charset = StandardCharsets.UTF_8;
        if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            buffered.reset();
            if (b0 == 0xEF && b1 == 0xBB) {
                buffered.skip(3); // UTF-8 BOM
            }
        }
        return new BufferedReader(new InputStreamReader(buffered, charset), 1 << 16);
    }
}
