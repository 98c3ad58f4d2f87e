package com.vproptrader.gateway.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads '\n'-terminated UTF-8 lines with a hard cap on line length. An over-long line is never held
 * whole: its bytes are discarded as they arrive until the next newline, then {@link FrameException}
 * ({@code too_long}) is thrown and the next call reads the following line. Invalid UTF-8 throws
 * {@code malformed} the same way. A trailing '\r' is dropped (MQL5 code often writes "\r\n").
 * Not thread-safe: one reader thread per stream.
 */
public final class BoundedLineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[256];
    private int lineLen;

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be >= 16");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line without its terminator, or {@code null} at end of stream (a last line
     *     without newline is returned first)
     * @throws FrameException {@code too_long} or {@code malformed}; the stream is positioned after the bad line
     */
    public String readLine() throws IOException, FrameException {
        lineLen = 0;
        boolean overflow = false;
        long discarded = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    if (overflow) {
                        throw tooLong(discarded);
                    }
                    return lineLen == 0 ? null : decode();
                }
            }
            byte b = chunk[chunkPos++];
            if (b == '\n') {
                if (overflow) {
                    throw tooLong(discarded);
                }
                return decode();
            }
            if (overflow) {
                discarded++;
            } else if (lineLen == maxLineBytes) {
                overflow = true;
                discarded = lineLen + 1L;
                lineLen = 0;
            } else {
                append(b);
            }
        }
    }

    private void append(byte b) {
        if (lineLen == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLen++] = b;
    }

    private FrameException tooLong(long bytes) {
        return new FrameException(ErrorCode.TOO_LONG, 0,
                "line of " + bytes + " bytes exceeds the limit of " + maxLineBytes + " bytes");
    }

    private String decode() throws FrameException {
        int len = lineLen > 0 && line[lineLen - 1] == '\r' ? lineLen - 1 : lineLen;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FrameException(ErrorCode.MALFORMED, 0, "line is not valid UTF-8");
        }
    }
}
