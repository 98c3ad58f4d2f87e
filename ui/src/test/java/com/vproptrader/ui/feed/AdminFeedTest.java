package com.vproptrader.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.ui.fixture.FakeAdminService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AdminFeedTest {

    @Test
    void followsTheWatchStreamAndLoadsEquityHistoryFirst() throws Exception {
        try (FakeAdminService admin = FakeAdminService.start(0, 50);
             AdminFeed feed = AdminFeed.start(admin.target(), 0, 100)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.snapshot().status().getCounters().getTicks() > 20
                    && feed.snapshot().equity().size() > 2);
            AdminSnapshot s = feed.snapshot();
            assertThat(s.link()).isEqualTo(LinkState.CONNECTED);
            assertThat(s.plugins()).extracting(p -> p.getPluginId()).containsExactly("alpha-fake", "filter-fake");
            assertThat(s.positions()).hasSize(1);
            assertThat(s.equity()).hasSizeGreaterThan(2);
            assertThat(s.equity()).isSortedAccordingTo((a, b) -> Long.compare(a.getTimeMsc(), b.getTimeMsc()));
        }
    }

    @Test
    void keepsAtMostTheConfiguredEquityPoints() throws Exception {
        try (FakeAdminService admin = FakeAdminService.start(0, 10);
             AdminFeed feed = AdminFeed.start(admin.target(), 0, 5)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.snapshot().updates() > 20);
            assertThat(feed.snapshot().equity()).hasSize(5);
        }
    }

    @Test
    void reportsTheLinkDownKeepsLastValuesAndReconnectsWhenTheHostComesBack() throws Exception {
        FakeAdminService admin = FakeAdminService.start(0, 50);
        int port = admin.port();
        List<LinkState> seen = new CopyOnWriteArrayList<>();
        try (AdminFeed feed = AdminFeed.start(admin.target(), 0, 100)) {
            feed.subscribe(s -> {
                if (seen.isEmpty() || seen.get(seen.size() - 1) != s.link()) {
                    seen.add(s.link());
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.snapshot().link() == LinkState.CONNECTED);
            long ticksBefore = feed.snapshot().status().getCounters().getTicks();

            admin.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.snapshot().link() == LinkState.DISCONNECTED);
            assertThat(feed.snapshot().linkError()).isNotBlank();
            assertThat(feed.snapshot().status().getCounters().getTicks()).isGreaterThanOrEqualTo(ticksBefore);

            admin = FakeAdminService.start(port, 50);
            await().atMost(Duration.ofSeconds(15)).until(() -> feed.snapshot().link() == LinkState.CONNECTED);
            assertThat(seen).containsSubsequence(LinkState.CONNECTED, LinkState.DISCONNECTED, LinkState.CONNECTED);
        } finally {
            admin.close();
        }
    }
}
