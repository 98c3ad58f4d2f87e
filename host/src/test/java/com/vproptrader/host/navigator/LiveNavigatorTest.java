package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.proto.ChallengeForecast;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refreshes run on the navigator's own threads, a burst of requests costs at most two runs, the newest wins. */
class LiveNavigatorTest {

    @Test
    void aBurstOfClosedTradesIsSimulatedOffTheCallersThreadAndTheNewestStateWins() {
        RulePack pack = RulePackLoader.bundled("ftmo-2step");
        NavigatorConfig config = new NavigatorConfig(300, 100, List.of(0.5, 1.0), RiskBasis.BALANCE,
                RiskObjective.PASS_PROBABILITY, Duration.ofDays(30), 1, 7, NavigatorConfig.defaults().prior());
        List<String> threads = new CopyOnWriteArrayList<>();
        List<NavigatorReport> reports = new CopyOnWriteArrayList<>();
        try (LiveNavigator navigator = new LiveNavigator(config, r -> {
            threads.add(Thread.currentThread().getName());
            reports.add(r);
        })) {
            StartState start = NavigatorFixtures.fresh(pack, Duration.ofDays(30));
            for (int i = 1; i <= 20; i++) {
                navigator.refresh(new LiveNavigator.Request(start, List::of, "closed_trade", i, 0));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> reports.stream().anyMatch(r -> r.asOfMsc() == 20));
            assertThat(reports.size()).as("coalesced").isLessThanOrEqualTo(2);
            assertThat(threads).containsOnly("navigator");
            NavigatorReport last = navigator.latest().orElseThrow();
            assertThat(last.asOfMsc()).isEqualTo(20);
            assertThat(last.forecast().paths()).isEqualTo(300);
            assertThat(last.curve().points()).hasSize(2);
            assertThat(last.priorShare()).as("no trades yet: every day from the prior").isEqualTo(1.0);

            ChallengeForecast proto = NavigatorProto.of(last, 7, false, 1.0, pack.serverTimeZone());
            assertThat(proto.getReady()).isTrue();
            assertThat(proto.getEndsCount()).isEqualTo(AttemptEnd.values().length);
            assertThat(proto.getPass().getEstimate()).isEqualTo(last.forecast().pass().estimate());
            assertThat(proto.getRiskCurveCount()).isEqualTo(2);
        }
    }
}
