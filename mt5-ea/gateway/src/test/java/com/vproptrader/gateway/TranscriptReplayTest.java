package com.vproptrader.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vproptrader.gateway.frame.CommandFrame;
import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.gateway.frame.ToEaFrame;
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

    /**
     * The byte-level half of the contract: every {@code frame} of a transcript, as its exact text in the file
     * (not re-serialised, so number spellings are kept), decodes and re-encodes to the identical line; every
     * raw {@code line} the receiver must refuse is refused with its code. The EA's frames_test checks the same
     * lines with Frames.mqh.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void everyFrameReEncodesByteForByte_andEveryRefusedLineIsRefusedWithItsCode(Path file) throws Exception {
        int roundTrips = 0;
        int refusals = 0;
        for (String raw : Files.readAllLines(file)) {
            if (raw.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(raw);
            boolean fromEa = n.get("dir").asText().equals("ea");
            String expect = n.path("expect").asText(null);
            if (!n.has("frame")) {
                String line = n.get("line").asText();
                assertThat(expect).as("a raw line must say how it is refused: " + raw).isNotNull();
                assertThatThrownBy(() -> {
                    if (fromEa) {
                        codec.decodeEvent(line);
                    } else {
                        codec.decodeToEa(line);
                    }
                }).as(line).isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.fromWire(expect).orElseThrow()));
                refusals++;
                continue;
            }
            String line = rawFrameText(raw);
            if (expect != null && !"not_hello".equals(expect)) {
                // a well-formed JSON frame the receiver refuses (unknown type, bad value, version...)
                assertThatThrownBy(() -> {
                    if (fromEa) {
                        codec.decodeEvent(line);
                    } else {
                        codec.decodeToEa(line);
                    }
                }).as(line).isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.fromWire(expect).orElseThrow()));
                refusals++;
                continue;
            }
            String again;
            if (fromEa) {
                again = codec.encodeEvent(codec.decodeEvent(line));
            } else {
                ToEaFrame f = codec.decodeToEa(line);
                again = f instanceof CommandFrame c ? codec.encodeCommand(c.command()) : codec.encodeError((ErrorFrame) f);
            }
            assertThat(again).as("re-encoded %s line of %s", fromEa ? "ea" : "gw", file.getFileName()).isEqualTo(line);
            roundTrips++;
        }
        assertThat(roundTrips + refusals).as("lines checked in " + file.getFileName()).isPositive();
    }

    /** The exact text of the {@code frame} member of a transcript line, as written in the file. */
    private static String rawFrameText(String raw) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(raw)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("frame") && value == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    return raw.substring(start, end);
                }
                p.skipChildren();
            }
        }
        throw new AssertionError("no frame object in " + raw);
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
