package com.vproptrader.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void overLongLine_isRefused_thenReaderResyncsAtNextNewline() throws Exception {
        String longLine = "x".repeat(100_000);
        BoundedLineReader r = reader("first\n" + longLine + "\nsecond\r\n", 1024);
        assertThat(r.readLine()).isEqualTo("first");
        assertThatThrownBy(r::readLine).isInstanceOfSatisfying(FrameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LONG));
        assertThat(r.readLine()).isEqualTo("second");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void lineOfExactlyTheLimit_isAccepted() throws Exception {
        BoundedLineReader r = reader("y".repeat(64) + "\n" + "z".repeat(65) + "\nok", 64);
        assertThat(r.readLine()).hasSize(64);
        assertThatThrownBy(r::readLine).isInstanceOf(FrameException.class);
        assertThat(r.readLine()).isEqualTo("ok");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void invalidUtf8_isMalformed_andNextLineStillReads() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'});
        b.write("{\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
        BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(b.toByteArray()), 64);
        assertThatThrownBy(r::readLine).isInstanceOfSatisfying(FrameException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
        assertThat(r.readLine()).isEqualTo("{\"v\":1}");
    }

    @Test
    void multibyteCharacters_survive() throws Exception {
        assertThat(reader("{\"message\":\"Ümlaut €\"}\n", 64).readLine()).isEqualTo("{\"message\":\"Ümlaut €\"}");
    }

    private static BoundedLineReader reader(String s, int max) {
        InputStream in = new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        return new BoundedLineReader(in, max);
    }
}
