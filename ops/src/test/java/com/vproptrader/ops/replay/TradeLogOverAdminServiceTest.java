package com.vproptrader.ops.replay;

import com.vproptrader.host.app.Host;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.host.memory.ClosedTrade;
import com.vproptrader.host.memory.MemoryConfig;
import com.vproptrader.host.memory.SimilarTrades;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.PerformanceReport;
import com.vproptrader.proto.PerformanceRequest;
import com.vproptrader.proto.TradeLog;
import com.vproptrader.proto.TradeLogRequest;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A host started on a traded journal indexes it (store and similar-trade index) and answers the trade log and
 * performance over real gRPC.
 */
class TradeLogOverAdminServiceTest {
    @Test
    void theTradeLogAndThePerformanceReportComeFromTheJournalThroughAdminService(@TempDir Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db")).withGrpcPort(0);
        SimBroker broker = new SimBroker("replay", "USD", 100_000, 100, SimBroker.eurusdLike("EURUSD"));
        List<ClosedTrade> closed = Replay.run(config, MarketSource.of(new SyntheticTicks(42, "EURUSD", 6_000)), broker)
                .closedTrades();
        assertThat(closed).isNotEmpty();

        try (Host host = Host.start(config, MemoryConfig.inProcess())) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", host.grpcPort()).usePlaintext().build();
            try {
                var admin = AdminServiceGrpc.newBlockingStub(channel);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        admin.getTradeLog(TradeLogRequest.getDefaultInstance()).getTradesCount() == closed.size());
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        host.longTermMemory().similarTrades().map(SimilarTrades::size).orElse(0) == closed.size());
                TradeLog log = admin.getTradeLog(TradeLogRequest.getDefaultInstance());
                BigDecimal net = BigDecimal.ZERO;
                for (int i = 0; i < closed.size(); i++) {
                    TradeRecord r = log.getTrades(i);
                    ClosedTrade t = closed.get(i);
                    assertThat(r.getPositionId()).isEqualTo(t.positionId());
                    assertThat(r.getPnl()).isEqualTo(t.pnl().toBigDecimal().toPlainString());
                    assertThat(r.getAlpha()).isEqualTo(t.alpha());
                    assertThat(r.getReferencePrice()).as("known from the entry row").isPositive();
                    assertThat(r.getAlphaVotesList()).as("the votes at the deciding tick").isNotEmpty();
                    assertThat(r.getRulePack()).isEqualTo("ftmo-2step");
                    net = net.add(new BigDecimal(r.getPnl()));
                }
                assertThat(admin.getTradeLog(TradeLogRequest.newBuilder().setLimit(2).build()).getTradesList())
                        .as("the newest two").containsExactlyElementsOf(log.getTradesList().subList(closed.size() - 2, closed.size()));

                PerformanceReport report = admin.getPerformance(PerformanceRequest.getDefaultInstance());
                GroupMetrics overall = report.getGroupsList().stream().filter(g -> g.getDimension().equals("OVERALL"))
                        .findFirst().orElseThrow();
                assertThat(overall.getTrades()).isEqualTo(closed.size());
                assertThat(BigDecimal.valueOf(overall.getNetProfit())).isEqualByComparingTo(net);
                assertThat(report.getGroupsList()).extracting(GroupMetrics::getDimension)
                        .contains("ALPHA", "REGIME", "SYMBOL", "SESSION");
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
