package com.vproptrader.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    @Test
    void bytesArrivingOneAtATime_makeTheSameLinesAndVerdictsAsOneRead() {
        String stream = "{\"a\":\"Ümlaut €\"}\r\n" + "x".repeat(40) + "\n\nlast";
        List<String> whole = readAll(List.of(stream.getBytes(StandardCharsets.UTF_8)), 32);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            pieces.add(new byte[] {b});
        }
        assertThat(readAll(pieces, 32)).isEqualTo(whole)
                .containsExactly("{\"a\":\"Ümlaut €\"}", "too_long", "", "last");
    }

    @Test
    void anOverLongLineSpreadOverManyReads_isOneTooLong_thenTheNextLineReads() {
        List<byte[]> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reads.add("y".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        reads.add("\nok\n".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(reads, 64)).containsExactly("too_long", "ok");
    }

    @Test
    void aCharacterSplitBetweenReads_survives_andInvalidUtf8IsMalformed() {
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        List<byte[]> reads = List.of(new byte[] {euro[0]}, new byte[] {euro[1], euro[2], euro[3]},
                new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(readAll(reads, 64)).containsExactly("€", "malformed");
    }

    /** Lines, or the wire code of each refused line, as the reads arrive; then the end of the stream. */
    private static List<String> readAll(List<byte[]> reads, int max) {
        LineAssembler lines = new LineAssembler(max);
        List<String> out = new ArrayList<>();
        for (byte[] read : reads) {
            ByteBuffer in = ByteBuffer.wrap(read);
            while (in.hasRemaining()) {
                try {
                    String line = lines.next(in);
                    if (line != null) {
                        out.add(line);
                    }
                } catch (FrameException e) {
                    out.add(e.code().wire());
                }
            }
        }
        try {
            String last = lines.end();
            if (last != null) {
                out.add(last);
            }
        } catch (FrameException e) {
            out.add(e.code().wire());
        }
        return out;
    }
}
