package com.vproptrader.host.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.scan.Evidence;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.BanditArm;
import com.vproptrader.proto.BanditPosteriors;
import com.vproptrader.proto.BanditRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AdminService GetBanditPosteriors on a real host over gRPC: the Beta of each serving alpha × regime, from its trades. */
class BanditPosteriorsOverAdminServiceTest {

    @Test
    void eachServingAlphaHasAnArmPerRegime_andTheArmWithClosedTradesMovedOffThePrior(@TempDir Path dir) throws Exception {
        Path journalFile = dir.resolve("j.db");
        try (Journal journal = Journal.open(journalFile)) { // an earlier run: momentum won twice, lost once, in a trend
            JournaledTrades j = new JournaledTrades(journal);
            j.buy(1, 1_000_000, Map.of(), new JournaledTrades.Exit(1, 1.1030, "tp"));
            j.buy(2, 2_000_000, Map.of(), new JournaledTrades.Exit(1, 1.1030, "tp"));
            j.buy(3, 3_000_000, Map.of(), new JournaledTrades.Exit(1, 1.0980, "sl"));
            journal.flush();
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String alpha : new String[] {"alpha-momentum", "alpha-breakout"}) {
            Files.copy(PluginJars.jar(alpha), plugins.resolve(alpha + ".jar"));
        }
        HostConfig config = HostConfig.defaults().withGrpcPort(0).withJournalFile(journalFile).withPluginDir(plugins);
        try (Host host = Host.start(config, MemoryConfig.inProcess())) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                var admin = AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
                BanditPosteriors first = admin.getBanditPosteriors(BanditRequest.getDefaultInstance());
                BanditPosteriors again = AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .getBanditPosteriors(BanditRequest.getDefaultInstance());
                assertThat(again).as("a read changes nothing").isEqualTo(first);

                assertThat(first.getArmsList()).hasSize(2 * 5); // two alphas × five regimes (UNKNOWN included)
                assertThat(first.getArmsList()).extracting(BanditArm::getAlpha).containsOnly("alpha-breakout", "alpha-momentum");
                BanditArm trend = arm(first, "alpha-momentum", "TREND_LOW_VOL");
                assertThat(trend.getTrades()).isEqualTo(3);
                // n0 = 50 at 0.5: the alpha's rate (2 + 25) / 53, then (2 + 50 rate) / (3 + 50)
                double rate = (2 + 25.0) / 53;
                assertThat(trend.getA()).isCloseTo(2 + 50 * rate, Offset.offset(1e-9));
                assertThat(trend.getB()).isCloseTo(1 + 50 * (1 - rate), Offset.offset(1e-9));
                assertThat(trend.getMean()).isCloseTo(trend.getA() / (trend.getA() + trend.getB()), Offset.offset(1e-12))
                        .isGreaterThan(0.5);
                assertThat(arm(first, "alpha-breakout", "TREND_LOW_VOL").getMean()).isEqualTo(0.5);
                assertThat(arm(first, "alpha-momentum", "RANGE_HIGH_VOL").getTrades()).isZero();
                assertThat(first.getPriorStrength()).isEqualTo(Evidence.DEFAULT.priorStrength());
                assertThat(first.getMayTrade()).isPositive();
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static BanditArm arm(BanditPosteriors p, String alpha, String regime) {
        return p.getArmsList().stream().filter(a -> a.getAlpha().equals(alpha) && a.getRegime().equals(regime))
                .findFirst().orElseThrow(() -> new AssertionError("no arm " + alpha + " × " + regime + " in " + p));
    }
}
