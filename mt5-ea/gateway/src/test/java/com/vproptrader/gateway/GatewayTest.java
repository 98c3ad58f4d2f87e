package com.vproptrader.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.frame.ErrorCode;
import com.vproptrader.gateway.frame.ErrorFrame;
import com.vproptrader.gateway.frame.Samples;
import com.vproptrader.gateway.frame.FrameCodec;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.Config;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalEvent.EventCase;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayTest {
    private RecordingHost host;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        host = RecordingHost.start();
        gateway = Gateway.start(GatewayConfig.defaults().withListenPort(0).withHostTarget(host.target())
                .withMaxLineBytes(4096).withHeartbeatInterval(Duration.ofMillis(200))
                .withSilenceTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        host.close();
    }

    @Test
    void helloOpensHostStream_andTicksAndCommandsFlowBothWays() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            long tickSeq = ea.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));

            await().until(() -> host.events.size() == 2);
            assertThat(host.events.get(0).getHello()).isEqualTo(Samples.hello("1001"));
            assertThat(host.events.get(1).getSeq()).isEqualTo(tickSeq);

            for (HostCommand c : Samples.allCommands()) {
                host.send(c);
                assertThat(ea.awaitCommand(c::equals)).isEqualTo(c);
            }
        }
    }

    @Test
    void badLines_areEachAnsweredAndCounted_andTheConnectionStaysUp() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));

            ea.sendLine("{this is not json");
            assertThat(ea.awaitError(ErrorCode.MALFORMED).refSeq()).isZero();

            ea.sendBytes(("{\"v\":1,\"type\":\"tick\",\"pad\":\"" + "x".repeat(10_000) + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            ea.awaitError(ErrorCode.TOO_LONG);

            long unknown = ea.nextSeq();
            ea.sendLine("{\"v\":1,\"type\":\"teleport\",\"seq\":" + unknown + "}");
            assertThat(ea.awaitError(ErrorCode.UNKNOWN_TYPE).refSeq()).isEqualTo(unknown);

            long nan = ea.nextSeq();
            ea.sendLine("{\"v\":1,\"type\":\"tick\",\"seq\":" + nan
                    + ",\"symbol\":\"EURUSD\",\"timeMsc\":1704153600123,\"bid\":NaN,\"ask\":1.0852}");
            ErrorFrame badValue = ea.awaitError(ErrorCode.BAD_VALUE);
            assertThat(badValue.refSeq()).isEqualTo(nan);
            assertThat(badValue.message()).contains("bid");

            long good = ea.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));
            await().until(() -> host.events(EventCase.TICK).size() == 1);
            assertThat(host.events(EventCase.TICK).get(0).getSeq()).isEqualTo(good);
            assertThat(ea.closedByPeer()).isFalse();
        }
        GatewayStats s = gateway.stats();
        assertThat(s.errors(ErrorCode.MALFORMED)).isEqualTo(1);
        assertThat(s.errors(ErrorCode.TOO_LONG)).isEqualTo(1);
        assertThat(s.errors(ErrorCode.UNKNOWN_TYPE)).isEqualTo(1);
        assertThat(s.errors(ErrorCode.BAD_VALUE)).isEqualTo(1);
        assertThat(s.eventsToHost()).isEqualTo(2);
        assertThat(s.linesIn()).isEqualTo(6);
    }

    @Test
    void framesBeforeHello_areRefusedAsNotHello_andNotForwarded() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            long s = ea.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));
            assertThat(ea.awaitError(ErrorCode.NOT_HELLO).refSeq()).isEqualTo(s);

            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.events.size() == 1);
            assertThat(host.events.get(0).hasHello()).isTrue();
        }
    }

    @Test
    void secondConnectionForALiveAccount_isRefusedAndClosed_firstKeepsWorking() throws Exception {
        try (TestEa first = new TestEa(gateway.port()); TestEa second = new TestEa(gateway.port())) {
            first.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);

            second.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            assertThat(second.awaitError(ErrorCode.AUTH).message()).startsWith("duplicate_account");
            await().until(second::closedByPeer);

            first.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));
            await().until(() -> host.events(EventCase.TICK).size() == 1);
            assertThat(host.streamsOpened.get()).isEqualTo(1);
        }
    }

    @Test
    void accountIsFreedWhenItsConnectionEnds_soTheEaCanReconnect() throws Exception {
        try (TestEa first = new TestEa(gateway.port())) {
            first.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);
        }
        await().until(() -> host.streamsEnded.get() == 1);
        try (TestEa again = new TestEa(gateway.port())) {
            again.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 2);
        }
    }

    @Test
    void reconnectStorm_leavesNoConnectionOrHostStreamBehind_andTheNextEaTrades() throws Exception {
        int storm = 60;
        for (int i = 0; i < storm; i++) {
            // An EA in a reconnect loop: some die right after hello, some before saying anything.
            try (TestEa ea = new TestEa(gateway.port())) {
                if (i % 3 != 0) {
                    ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
                }
            }
        }
        await().until(() -> gateway.stats().connectionsActive() == 0
                && host.streamsEnded.get() == host.streamsOpened.get());

        try (TestEa survivor = new TestEa(gateway.port())) {
            survivor.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            survivor.send(TerminalEvent.newBuilder().setTick(Samples.tick(1.0851, 1.0852)));
            await().until(() -> gateway.stats().connectionsActive() == 1
                    && host.streamsOpened.get() - host.streamsEnded.get() == 1);
            HostCommand signal = Samples.allCommands().get(0);
            host.send(signal);
            assertThat(survivor.awaitCommand(signal::equals)).isEqualTo(signal);
        }
        assertThat(gateway.stats().connectionsAccepted()).isEqualTo(storm + 1);
    }

    @Test
    void hostStreamFailure_isReportedToTheEa_whichIsClosed_andTheGatewayLivesOn() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);

            host.failStreams();
            assertThat(ea.awaitError(ErrorCode.HOST_UNAVAILABLE).message()).contains("UNAVAILABLE");
            await().until(ea::closedByPeer);
        }
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 2);
        }
    }

    @Test
    void hostRefusingTheTerminal_reachesTheEaAsAuth_notHostUnavailable() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);

            host.failStreams(Status.PERMISSION_DENIED.withDescription("token rejected"));
            assertThat(ea.awaitError(ErrorCode.AUTH).message()).contains("token rejected");
            await().until(ea::closedByPeer);
        }
    }

    @Test
    void hostRefusingTheHello_reachesTheEaAsRefused() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);

            host.failStreams(Status.INVALID_ARGUMENT.withDescription("EURUSD: tick value 0"));
            assertThat(ea.awaitError(ErrorCode.REFUSED).message()).contains("tick value 0");
            await().until(ea::closedByPeer);
        }
    }

    @Test
    void hostDown_helloIsAnsweredWithHostUnavailable() throws Exception {
        host.close();
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            ea.awaitError(ErrorCode.HOST_UNAVAILABLE);
            await().until(ea::closedByPeer);
        }
    }

    @Test
    void gatewaySendsHeartbeats_andClosesASilentEa() throws Exception {
        gateway.close();
        gateway = Gateway.start(gateway.config().withHeartbeatInterval(Duration.ofMillis(100))
                .withSilenceTimeout(Duration.ofMillis(500)));
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.awaitCommand(HostCommand::hasHeartbeat);
            ea.awaitError(ErrorCode.TIMEOUT);
            await().until(ea::closedByPeer);
        }
    }

    @Test
    void wrongToken_isRefusedWithAuth() throws Exception {
        gateway.close();
        gateway = Gateway.start(gateway.config().withToken("other"));
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            assertThat(ea.awaitError(ErrorCode.AUTH).message()).contains("token");
            await().until(ea::closedByPeer);
        }
        assertThat(host.streamsOpened.get()).isZero();
    }

    @Test
    void heartbeatsAndPositionsFromTheEa_areForwardedLikeAnyFrame() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            ea.send(TerminalEvent.newBuilder().setHeartbeat(Heartbeat.newBuilder().setTimeMsc(Samples.T0)));
            ea.send(TerminalEvent.newBuilder().setPosition(Samples.position()));
            await().until(() -> host.events.size() == 3);
            host.send(HostCommand.newBuilder().setSeq(1).setClose(Close.newBuilder().setTicket(5_000_001)).build());
            ea.awaitCommand(HostCommand::hasClose);
        }
    }

    @Test
    void emptyHostCommand_isNotForwarded_andTheStreamSurvives() throws Exception {
        try (TestEa ea = new TestEa(gateway.port())) {
            ea.send(TerminalEvent.newBuilder().setHello(Samples.hello("1001")));
            await().until(() -> host.streamsOpened.get() == 1);

            host.send(HostCommand.newBuilder().setSeq(1).build());
            host.send(HostCommand.newBuilder().setSeq(2).setClose(Close.newBuilder().setTicket(5_000_001)).build());

            assertThat(ea.awaitCommand(c -> c.getSeq() != 0).getSeq()).isEqualTo(2);
            assertThat(host.streamsEnded.get()).isZero();
        }
    }

    @Test
    void anEaThatStopsReading_isClosedAsASlowConsumer_andTheOtherEasKeepTheirCommands() throws Exception {
        gateway.close();
        gateway = Gateway.start(gateway.config().withOutboxCapacity(20));
        try (TestEa reading = new TestEa(gateway.port()); Socket stuck = new Socket()) {
            reading.send(TerminalEvent.newBuilder().setHello(Samples.hello("1002")));
            await().until(() -> host.streamsOpened.get() == 1);
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new InetSocketAddress("127.0.0.1", gateway.port()));
            stuck.getOutputStream().write((new FrameCodec().encodeEvent(TerminalEvent.newBuilder().setSeq(1)
                    .setHello(Samples.hello("1001")).build()) + "\n").getBytes(StandardCharsets.UTF_8));
            await().until(() -> host.streamsOpened.get() == 2);

            // Large commands to the EA that reads nothing: the socket fills, then the lines waiting for it.
            HostCommand big = HostCommand.newBuilder().setSeq(1)
                    .setConfig(Config.newBuilder().setRulePackJson("x".repeat(256 * 1024))).build();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                host.send(big);
                return gateway.stats().errors(ErrorCode.SLOW_CONSUMER) == 1;
            });

            await().until(() -> host.streamsEnded.get() == 1);
            host.send(HostCommand.newBuilder().setSeq(2).setClose(Close.newBuilder().setTicket(5_000_001)).build());
            assertThat(reading.awaitCommand(HostCommand::hasClose).getClose().getTicket()).isEqualTo(5_000_001);
        }
    }
}
