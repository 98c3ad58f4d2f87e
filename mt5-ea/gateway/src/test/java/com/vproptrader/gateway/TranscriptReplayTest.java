package com.vproptrader.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the EA team's recorded transcripts (mt5-ea/test/transcripts, format in its README) against a
 * real gateway: every {@code ea} line goes over the socket, every host command in a {@code gw} line is
 * injected by the host and must reach the EA unchanged, every expected refusal must come back as an
 * {@code error} frame with that code and refSeq. The EA's g++ harness decodes the same files with
 * Frames.mqh, so both implementations are held to one set of examples.
 */
class TranscriptReplayTest {
    private static final Path DIR = Path.of("").toAbsolutePath().resolve("../test/transcripts").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FrameCodec codec = new FrameCodec();

    static Stream<Path> transcripts() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return Stream.empty();
        }
        return Files.list(DIR).filter(p -> p.toString().endsWith(".ndjson")).sorted().toList().stream();
    }

    private record Step(String dir, String line, String expect, JsonNode frame) {
        boolean fromEa() {
            return dir.equals("ea");
        }

        String type() {
            return frame == null ? "" : frame.path("type").asText();
        }
    }

    private static List<Step> read(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            if (raw.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(raw);
            JsonNode frame = n.get("frame");
            String line = frame != null ? JSON.writeValueAsString(frame) : n.get("line").asText();
            steps.add(new Step(n.get("dir").asText(), line, n.path("expect").asText(null), frame));
        }
        return steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void everyLineDecodesAsTheTranscriptExpects(Path file) throws Exception {
        for (Step s : read(file)) {
            boolean sessionLevel = "not_hello".equals(s.expect()); // the codec has no session state
            if (s.expect() != null && !sessionLevel) {
                ErrorCode code = ErrorCode.fromWire(s.expect()).orElseThrow();
                assertThatThrownBy(() -> decode(s)).as(s.line())
                        .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(code));
            } else {
                decode(s);
            }
        }
    }

    private void decode(Step s) throws FrameException {
        if (s.fromEa()) {
            codec.decodeEvent(s.line());
        } else {
            codec.decodeToEa(s.line());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void gatewayBehavesAsTheTranscriptSays(Path file) throws Exception {
        try (RecordingHost host = RecordingHost.start();
             Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0).withHostTarget(host.target()));
             TestEa ea = new TestEa(gateway.port())) {
            int forwarded = 0;
            for (Step s : read(file)) {
                if (s.fromEa()) {
                    ea.sendLine(s.line());
                    if (s.expect() != null) {
                        ErrorFrame e = ea.awaitError(ErrorCode.fromWire(s.expect()).orElseThrow());
                        assertThat(e.refSeq()).as(s.line()).isEqualTo(s.frame() == null ? 0 : s.frame().path("seq").asLong());
                    } else {
                        TerminalEvent expected = codec.decodeEvent(s.line());
                        int n = ++forwarded;
                        await().until(() -> host.events.size() >= n);
                        assertThat(host.events.get(n - 1)).isEqualTo(expected);
                    }
                } else if (!s.type().equals("error") && s.expect() == null
                        && !(s.type().equals("heartbeat") && s.frame().path("seq").asLong() == 0)) {
                    HostCommand command = codec.decodeCommand(s.line());
                    await().until(() -> host.streamsOpened.get() == 1);
                    host.send(command);
                    assertThat(ea.awaitCommand(command::equals)).isEqualTo(command);
                }
            }
            assertThat(gateway.stats().connectionsActive()).isEqualTo(1);
        }
    }
}
