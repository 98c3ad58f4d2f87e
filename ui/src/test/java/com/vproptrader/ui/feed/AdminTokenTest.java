package com.vproptrader.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.host.app.Deployment;
import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.memory.MemoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host whose operator services need its admin token: the UI's feed follows it with the token, not without. */
class AdminTokenTest {

    @Test
    void theFeedFollowsAHostThatRequiresTheAdminTokenOnlyWhenItSendsIt(@TempDir Path tmp) throws Exception {
        HostConfig cfg = HostConfig.defaults().withGrpcPort(0).withPluginDir(Files.createDirectories(tmp.resolve("plugins")))
                .withJournalFile(tmp.resolve("journal.db"));
        try (Host host = Host.start(cfg, MemoryConfig.fromSystemProperties(), Deployment.defaults().withAdminToken("s3cret-token"));
             AdminFeed with = AdminFeed.start("127.0.0.1:" + host.grpcPort(), 100, 100, new BearerToken("s3cret-token"));
             AdminFeed without = AdminFeed.start("127.0.0.1:" + host.grpcPort(), 100, 100)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> with.snapshot().live());
            await().atMost(Duration.ofSeconds(60)).until(() -> without.snapshot().linkError().contains("UNAUTHENTICATED"));
            assertThat(without.snapshot().live()).isFalse();
            assertThat(without.snapshot().hasStatus()).isFalse();
        }
    }
}
