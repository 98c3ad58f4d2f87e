package com.vproptrader.host.it;

import com.vproptrader.gateway.Gateway;
import com.vproptrader.gateway.GatewayConfig;
import com.vproptrader.gateway.frame.BoundedLineReader;
import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.gateway.frame.ToEaFrame;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.SimBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test 3 of the platform against the real host: bad frames are answered with error frames and counted by
 * the gateway, while the EA's connection and the host stay up and keep taking valid ticks.
 */
class BadInputAtTheGatewayTest {
    private final FrameCodec codec = new FrameCodec();

    @Test
    void malformedOverlongUnknownAndNaNFramesAreAnsweredAndTheLinkKeepsWorking(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withGrpcPort(0)
                .withPluginDir(Files.createDirectories(dir.resolve("plugins"))).withJournalFile(dir.resolve("j.db"));
        try (Host host = Host.start(config);
             Gateway gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0)
                     .withHostTarget("127.0.0.1:" + host.grpcPort()));
             Socket ea = new Socket("127.0.0.1", gateway.port())) {
            List<ToEaFrame> received = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    BoundedLineReader r = new BoundedLineReader(ea.getInputStream(), 1 << 20);
                    for (String line; (line = r.readLine()) != null; ) {
                        received.add(codec.decodeToEa(line));
                    }
                } catch (Exception closed) {
                    // socket closed at the end of the test
                }
            });
            reader.setDaemon(true);
            reader.start();
            OutputStream out = ea.getOutputStream();

            SimBroker broker = new SimBroker("bad-input", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
            Hello hello = broker.hello("");
            send(out, codec.encodeEvent(TerminalEvent.newBuilder().setSeq(1).setHello(hello).build()));
            send(out, codec.encodeEvent(tick(2, 1.10000)));
            await().atMost(Duration.ofSeconds(20)).until(() -> host.engine().snapshot().getStatus().getCounters().getTicks() == 1);

            send(out, "{\"v\":1,\"type\":\"tick\",\"seq\":3,\"symbol\":");                        // malformed
            send(out, "{\"v\":1,\"type\":\"tick\",\"seq\":4,\"pad\":\"" + "x".repeat(70_000) + "\"}"); // too long
            send(out, "{\"v\":1,\"type\":\"teleport\",\"seq\":5}");                               // unknown type
            send(out, "{\"v\":1,\"type\":\"tick\",\"seq\":6,\"symbol\":\"EURUSD\",\"timeMsc\":1704186000600,"
                    + "\"bid\":NaN,\"ask\":1.1}");                                                   // NaN price
            send(out, codec.encodeEvent(tick(7, 1.10010)));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(errorCodes(received)).contains(ErrorCode.MALFORMED, ErrorCode.TOO_LONG,
                        ErrorCode.UNKNOWN_TYPE, ErrorCode.BAD_VALUE);
                assertThat(host.engine().snapshot().getStatus().getCounters().getTicks()).isEqualTo(2);
            });
            assertThat(gateway.stats().errors(ErrorCode.MALFORMED)).isEqualTo(1);
            assertThat(gateway.stats().errors(ErrorCode.TOO_LONG)).isEqualTo(1);
            assertThat(gateway.stats().errors(ErrorCode.UNKNOWN_TYPE)).isEqualTo(1);
            assertThat(gateway.stats().errors(ErrorCode.BAD_VALUE)).isEqualTo(1);
            assertThat(gateway.stats().connectionsActive()).isEqualTo(1);
            assertThat(host.engine().snapshot().getStatus().getTerminalConnected()).isTrue();
            assertThat(ea.isClosed()).isFalse();
        }
    }

    private static List<ErrorCode> errorCodes(List<ToEaFrame> frames) {
        return frames.stream().filter(f -> f instanceof ErrorFrame).map(f -> ((ErrorFrame) f).code()).toList();
    }

    private static TerminalEvent tick(long seq, double bid) {
        return TerminalEvent.newBuilder().setSeq(seq).setTick(Tick.newBuilder().setSymbol("EURUSD")
                .setTimeMsc(1_704_186_000_000L + seq * 100).setBid(bid).setAsk(bid + 0.0001)).build();
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
