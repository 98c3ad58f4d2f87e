package com.vproptrader.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.app.Deployment;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.ui.UiConfig;
import com.vproptrader.ui.UiMain;
import com.vproptrader.ui.auth.AuditLog;
import com.vproptrader.ui.fixture.Logins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's AdminService channels over TLS (--admin-tls-ca) to a real host serving gRPC with a certificate openssl makes
 * here, with the admin token as in production: the UI trusting the host's CA reads it; one trusting another CA, or
 * speaking plaintext, never gets a value and its link says why.
 */
class AdminFeedOverTlsTest {

    @Test
    void theUiReadsAHostOverTlsWithItsCa_andAWrongCaFailsSayingWhy(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("host.pem");
        Path key = dir.resolve("host-key.pem");
        openssl(cert, key, "/CN=vpt-host");
        Path otherCa = dir.resolve("other.pem");
        openssl(otherCa, dir.resolve("other-key.pem"), "/CN=someone-else");
        String token = "0123456789abcdef0123456789abcdef";
        Path tokenFile = Files.writeString(dir.resolve("admin-token"), token + "\n");
        HostConfig hostConfig = HostConfig.defaults().withGrpcPort(0).withJournalFile(dir.resolve("j.db"))
                .withPluginDir(Files.createDirectories(dir.resolve("plugins")));
        try (Host host = Host.start(hostConfig, MemoryConfig.inProcess(),
                Deployment.defaults().withTls(cert, key).withAdminToken(token))) {
            UiConfig ui = Logins.ui("127.0.0.1:" + host.grpcPort()).withAdminTokenFile(tokenFile);
            AuditLog audit = new AuditLog(dir.resolve("audit.log"));
            try (Hosts trusting = Hosts.start(ui.withAdminTlsCa(cert), audit);
                 Hosts wrongCa = Hosts.start(ui.withAdminTlsCa(otherCa), audit);
                 Hosts plaintext = Hosts.start(ui, audit)) {
                AdminFeed feed = trusting.feed(0);
                await().atMost(Duration.ofSeconds(30)).until(() -> feed.snapshot().link() == LinkState.CONNECTED
                        && feed.snapshot().hasStatus() && feed.snapshot().reports().known());
                assertThat(feed.snapshot().status().getHostId()).isNotEmpty();

                AdminFeed wrong = wrongCa.feed(0);
                await().atMost(Duration.ofSeconds(30)).until(() -> wrong.snapshot().link() == LinkState.DISCONNECTED);
                assertThat(wrong.snapshot().linkError()).startsWith("UNAVAILABLE")
                        .contains("SSLHandshakeException").containsIgnoringCase("certification path");
                AdminFeed plain = plaintext.feed(0);
                await().atMost(Duration.ofSeconds(30)).until(() -> plain.snapshot().link() == LinkState.DISCONNECTED);
                Thread.sleep(1_000); // the wrong ones keep re-dialling: none of them ever gets a value
                for (AdminFeed refused : List.of(wrong, plain)) {
                    assertThat(refused.snapshot().hasStatus()).as(refused.snapshot().linkError()).isFalse();
                    assertThat(refused.snapshot().reports().known()).isFalse();
                }
            }
        }
    }

    @Test
    void aCaFileThatHoldsNoCertificate_stopsTheUiAtStartNamingTheFile(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        var cli = new picocli.CommandLine(new UiMain());
        java.io.PrintStream was = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = cli.execute("--http-port", "0", "--admin-tls-ca", notPem.toString(), "--users", Logins.usersFile().toString());
        } finally {
            System.setErr(was);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("cannot use " + notPem + " as the hosts' CA");
    }

    private static void openssl(Path cert, Path key, String subject) throws Exception {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", subject, "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
