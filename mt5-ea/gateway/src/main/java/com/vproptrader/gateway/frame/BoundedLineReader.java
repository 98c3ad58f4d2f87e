package com.vproptrader.gateway.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads '\n'-terminated UTF-8 lines from a blocking stream with a hard cap on line length ({@link LineAssembler}'s
 * rules: an over-long line throws {@code too_long} after its newline and the next call reads the following line;
 * invalid UTF-8 throws {@code malformed} the same way; a trailing '\r' is dropped).
 * Not thread-safe: one reader thread per stream.
 */
public final class BoundedLineReader {
    private final InputStream in;
    private final LineAssembler lines;
    private final ByteBuffer chunk = ByteBuffer.allocate(8192).limit(0);

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.lines = new LineAssembler(maxLineBytes);
    }

    /**
     * @return the next line without its terminator, or {@code null} at end of stream (a last line
     *     without newline is returned first)
     * @throws FrameException {@code too_long} or {@code malformed}; the stream is positioned after the bad line
     */
    public String readLine() throws IOException, FrameException {
        while (true) {
            String line = lines.next(chunk);
            if (line != null) {
                return line;
            }
            int n = in.read(chunk.array());
            chunk.position(0).limit(Math.max(n, 0));
            if (n <= 0) {
                return lines.end();
            }
        }
    }
}
