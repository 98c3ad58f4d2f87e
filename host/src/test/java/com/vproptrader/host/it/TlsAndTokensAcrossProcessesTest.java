package com.vproptrader.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.host.rpc.AdminTokenCheck;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on gRPC and on the EA port, with a certificate openssl makes for this test, and the operator token: host,
 * gateway and terminal stand-in as three processes trade over TLS only; a client without the CA, or without the
 * admin token, is refused; and no secret (link token, admin token, private key) appears in any process's output.
 */
class TlsAndTokensAcrossProcessesTest {

    @Test
    void tradingRunsOverTlsOnBothLinks_operatorsNeedTheToken_andNoSecretIsLogged(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path adminTokenFile = Files.writeString(dir.resolve("admin-token"), adminToken + "\n");
        Path plugins = PluginJars.installAll(dir.resolve("plugins"));

        List<String> hostArgs = new ArrayList<>(List.of(HostBehindGateway.hostArgs(dir, plugins, 0)));
        hostArgs.addAll(List.of("--tls-cert", cert.toString(), "--tls-key", key.toString(),
                "--admin-token-file", adminTokenFile.toString()));
        java.util.Map<String, ChildProcess> all = new java.util.LinkedHashMap<>();
        try (ChildProcess host = ChildProcess.start("host", HostMain.class, hostArgs.toArray(String[]::new))) {
            all.put("host", host);
            int hostPort = Integer.parseInt(host.awaitLine("host ready on port (\\d+)", 60));
            String linkToken = Files.readString(dir.resolve("link-token")).trim();
            try (ChildProcess gateway = ChildProcess.start("gateway", GatewayMain.class, "--port", "0",
                    "--host", "127.0.0.1:" + hostPort, "--host-tls-ca", cert.toString(),
                    "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
                all.put("gateway", gateway);
                int eaPort = Integer.parseInt(gateway.awaitLine("gateway listening on [^ ]+:(\\d+)", 60));
                try (ChildProcess terminal = ChildProcess.start("terminal-sim", TerminalSimMain.class,
                        "--gateway-port", "" + eaPort, "--tls-ca", cert.toString(), "--token", linkToken,
                        "--synthetic-ticks", "20000", "--tps", "50", "--loop")) {
                    all.put("terminal-sim", terminal);
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .untilAsserted(() -> assertThat(JournalRows.fillKeys(dir.resolve("journal.db")))
                                    .as("fills over TLS; gateway:\n%s", gateway.output()).isNotEmpty());

                    ManagedChannel tls = Grpc.newChannelBuilderForAddress("127.0.0.1", hostPort,
                            TlsChannelCredentials.newBuilder().trustManager(cert.toFile()).build()).build();
                    ManagedChannel plain = Grpc.newChannelBuilderForAddress("127.0.0.1", hostPort,
                            InsecureChannelCredentials.create()).build();
                    try {
                        Metadata bearer = new Metadata();
                        bearer.put(AdminTokenCheck.AUTHORIZATION, "Bearer " + adminToken);
                        Status status = AdminServiceGrpc.newBlockingStub(tls)
                                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer))
                                .withDeadlineAfter(10, TimeUnit.SECONDS).getStatus(StatusRequest.getDefaultInstance());
                        assertThat(status.getTerminalConnected()).isTrue();
                        assertThat(status.getCounters().getFills()).isPositive();

                        assertThatThrownBy(() -> AdminServiceGrpc.newBlockingStub(tls).withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getStatus(StatusRequest.getDefaultInstance()))
                                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                                        .isEqualTo(io.grpc.Status.Code.UNAUTHENTICATED));
                        assertThatThrownBy(() -> AdminServiceGrpc.newBlockingStub(plain).withDeadlineAfter(10, TimeUnit.SECONDS)
                                .getStatus(StatusRequest.getDefaultInstance()))
                                .as("plaintext gRPC to the TLS port").isInstanceOf(StatusRuntimeException.class);
                    } finally {
                        tls.shutdownNow();
                        plain.shutdownNow();
                    }

                    assertThat(plainTcpHelloIsAnswered(eaPort)).as("a plain-TCP hello to the TLS EA port").isFalse();
                }
            }
        }
        String privateKeyBody = Files.readAllLines(key).get(1); // first base64 line of the key
        for (var p : all.entrySet()) {
            assertThat(p.getValue().output()).as("output of the " + p.getKey()).doesNotContain(adminToken)
                    .doesNotContain(Files.readString(dir.resolve("link-token")).trim()).doesNotContain(privateKeyBody);
        }
    }

    /** Sends a hello line over plain TCP; true if any line comes back before the connection ends. */
    private static boolean plainTcpHelloIsAnswered(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write("{\"v\":1,\"type\":\"hello\",\"seq\":1}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            // A TLS server answers garbage with a TLS alert record (content type 21) or just closes: never an NDJSON line.
            return n > 0 && new String(buf, 0, n, StandardCharsets.UTF_8).contains("\"type\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
