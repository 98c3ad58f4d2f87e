package com.vproptrader.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over a real socket, with grpc-java's generated client stubs: named health checks and both reflection versions. */
class HealthAndReflectionTest {
    private static final List<String> SERVICES = List.of("vproptrader.v1.TerminalLink",
            "vproptrader.v1.AdminService", "grpc.health.v1.Health");

    @Test
    void everyServiceAnswersANamedHealthCheck_andReflectionListsThemInV1AndV1alpha(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withGrpcPort(0)
                .withPluginDir(Files.createDirectories(dir.resolve("plugins"))).withJournalFile(dir.resolve("j.db"));
        try (Host host = Host.start(config)) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
                assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
                List<String> v1 = listV1(channel);
                List<String> v1alpha = listV1alpha(channel);
                assertThat(v1).containsAll(v1alpha).containsAll(SERVICES)
                        .contains("grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");
                assertThat(v1alpha).containsExactlyInAnyOrderElementsOf(v1);
                for (String service : v1) {
                    assertThat(health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
                            .as(service).isEqualTo(ServingStatus.SERVING);
                }
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aPythonClientOutsideTheJvm_seesEveryServiceServingByName_andListsThemThroughV1alphaReflection(
            @TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertThat(python).as("Debian python3 with python3-grpcio: run ops/install-test-deps.sh").exists();
        HostConfig config = HostConfig.defaults().withGrpcPort(0)
                .withPluginDir(Files.createDirectories(dir.resolve("plugins"))).withJournalFile(dir.resolve("j.db"));
        try (Host host = Host.start(config)) {
            List<String> command = new java.util.ArrayList<>(List.of(python.toString(),
                    Path.of("src/test/resources/grpc/probe.py").toString(), "127.0.0.1:" + host.grpcPort()));
            command.addAll(SERVICES);
            command.add("no.such.Service");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(probe.exitValue()).as(output).isZero();
            List<String> lines = output.lines().toList();
            for (String service : SERVICES) {
                assertThat(lines).contains("health " + service + " SERVING", "v1alpha " + service, "v1 " + service);
            }
            assertThat(lines).contains("health no.such.Service NOT_FOUND");
        }
    }

    private static List<String> listV1(ManagedChannel channel) throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(io.grpc.reflection.v1.ServerReflectionResponse r) {
                        names.complete(r.getListServicesResponse().getServiceList().stream()
                                .map(io.grpc.reflection.v1.ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        names.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return names.get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("deprecation") // v1alpha is what older grpcurl and grpc_cli speak
    private static List<String> listV1alpha(ManagedChannel channel) throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> requests =
                io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(io.grpc.reflection.v1alpha.ServerReflectionResponse r) {
                        names.complete(r.getListServicesResponse().getServiceList().stream()
                                .map(io.grpc.reflection.v1alpha.ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable t) {
                        names.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return names.get(10, TimeUnit.SECONDS);
    }
}
