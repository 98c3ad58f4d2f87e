package com.vproptrader.gateway.frame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Assembles '\n'-terminated UTF-8 lines from bytes as they arrive, with a hard cap on line length: the push-side
 * half of {@link BoundedLineReader}, for a reader that is handed bytes (an event loop) instead of pulling them.
 * An over-long line is never held whole: its bytes are discarded until the next newline, which then throws
 * {@link FrameException} ({@code too_long}); invalid UTF-8 throws {@code malformed} the same way. A trailing '\r'
 * is dropped (MQL5 code often writes "\r\n"). Not thread-safe: one reader per stream.
 */
public final class LineAssembler {
    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int lineLen;
    private boolean overflow;
    private long discarded;

    public LineAssembler(int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be >= 16");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Takes bytes from {@code in} up to and including the next newline.
     *
     * @return the line that newline ended, or null when {@code in} ran out first (its bytes are kept for the next call)
     * @throws FrameException {@code too_long} or {@code malformed}; {@code in} is positioned after the bad line
     */
    public String next(ByteBuffer in) throws FrameException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                return finishLine();
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
        return null;
    }

    /**
     * At the end of the stream: the last line when it had no newline, else null.
     *
     * @throws FrameException when that last line was too long or not UTF-8
     */
    public String end() throws FrameException {
        return overflow || lineLen > 0 ? finishLine() : null;
    }

    private String finishLine() throws FrameException {
        try {
            if (overflow) {
                throw new FrameException(ErrorCode.TOO_LONG, 0,
                        "line of " + discarded + " bytes exceeds the limit of " + maxLineBytes + " bytes");
            }
            return decode();
        } finally {
            lineLen = 0;
            overflow = false;
            discarded = 0;
        }
    }

    private void append(byte b) {
        if (lineLen == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLen++] = b;
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
