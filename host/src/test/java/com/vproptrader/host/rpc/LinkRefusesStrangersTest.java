package com.vproptrader.host.rpc;

import com.vproptrader.proto.JournalKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.TerminalLinkGrpc;
import com.vproptrader.sim.broker.SimBroker;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over real gRPC: a hello without the token, and a second session while the first is alive, are refused and journaled. */
class LinkRefusesStrangersTest {
    private static final String TOKEN = "c0ffee";

    @Test
    void aStrangerWithoutTheToken_andASecondSessionOfALiveAccount_areRefused_andEachRefusalIsJournaled(
            @TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withToken(TOKEN)
                .withPluginDir(Files.createDirectories(dir.resolve("plugins"))).withJournalFile(dir.resolve("j.db"));
        try (Host host = Host.start(config)) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                Link stranger = Link.open(channel, "");
                assertThat(stranger.ended.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

                Link terminal = Link.open(channel, TOKEN);
                await().atMost(Duration.ofSeconds(10)).until(() -> !terminal.commands.isEmpty()); // its config
                terminal.heartbeat();

                Link second = Link.open(channel, TOKEN);
                Status refused = second.ended.get(10, TimeUnit.SECONDS);
                assertThat(refused.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                assertThat(refused.getDescription()).startsWith("busy: account acct-1 has a live terminal session");
                assertThat(terminal.ended).as("the live session is not replaced").isNotDone();

                terminal.requests.onCompleted(); // the real terminal leaves: its account is free again
                await().atMost(Duration.ofSeconds(10)).until(terminal.ended::isDone);
                Link next = Link.open(channel, TOKEN);
                await().atMost(Duration.ofSeconds(10)).until(() -> !next.commands.isEmpty());
                assertThat(next.ended).isNotDone();
                next.requests.onCompleted();

                host.journal().flush();
                List<String> refusals = host.journal().read(JournalKind.KIND_LINK_REFUSED).stream()
                        .map(e -> e.record().getLinkRefused().getText()).toList();
                assertThat(refusals).hasSize(2);
                assertThat(refusals.get(0)).contains("auth: bad token for account acct-1");
                assertThat(refusals.get(1)).contains("busy: account acct-1");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /** A terminal's end of the link. */
    private static final class Link {
        final List<HostCommand> commands = new CopyOnWriteArrayList<>();
        final CompletableFuture<Status> ended = new CompletableFuture<>();
        StreamObserver<TerminalEvent> requests;

        static Link open(ManagedChannel channel, String token) {
            Link link = new Link();
            link.requests = TerminalLinkGrpc.newStub(channel).connect(new StreamObserver<>() {
                @Override
                public void onNext(HostCommand command) {
                    link.commands.add(command);
                }

                @Override
                public void onError(Throwable t) {
                    link.ended.complete(Status.fromThrowable(t));
                }

                @Override
                public void onCompleted() {
                    link.ended.complete(Status.OK);
                }
            });
            SimBroker broker = new SimBroker("acct-1", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
            link.requests.onNext(TerminalEvent.newBuilder().setSeq(1).setHello(broker.hello(token)).build());
            return link;
        }

        void heartbeat() {
            requests.onNext(TerminalEvent.newBuilder().setSeq(2)
                    .setHeartbeat(Heartbeat.newBuilder().setTimeMsc(1_704_153_600_000L)).build());
        }
    }
}
