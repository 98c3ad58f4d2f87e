package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.it.PluginJars;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.SymbolTradeMode;
import com.vproptrader.proto.TradeSession;
import com.vproptrader.proto.VetoCount;
import com.vproptrader.proto.VetoSource;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.Instrument;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.broker.SymbolSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal's trade mode and trading sessions decide what the host may open, through the whole loop: the
 * host never sends what the broker would refuse, journals the guard's reason, and counts it in the veto
 * breakdown. The synthetic walk runs on Tuesday 2 January 2024 from 10:30 server time for about an hour.
 */
class TradeModeAndSessionsThroughTheLoopTest {
    private static final int OPENS = 10 * 3600 + 31 * 60;

    @Test
    void aLongOnlyUsdjpy_isOnlyBought(@TempDir Path dir) throws Exception {
        SymbolSpec spec = builtIn("USDJPY").toBuilder().setTradeMode(SymbolTradeMode.TRADE_MODE_LONG_ONLY).build();

        Run run = run(spec, 137.0, dir);

        assertThat(run.signals).as("the loop still buys USDJPY").isNotEmpty()
                .allMatch(s -> s.getSide() == Side.BUY, "every signal a buy");
        assertThat(guardVetoes(run.result, "LONG_ONLY")).as("sells refused by the guard").isPositive();
        assertThat(run.result.counters().getRejects()).as("nothing the broker had to refuse").isZero();
    }

    @Test
    void goldBeforeItsSessionOpens_opensNothing_andTradesOnceItDoes(@TempDir Path dir) throws Exception {
        // gold's Tuesday session opens at 10:31 here: the walk's first minute falls before it
        SymbolSpec spec = builtIn("XAUUSD").toBuilder().clearTradeSessions()
                .addTradeSessions(session(2, OPENS, 86_400)).build();

        Run run = run(spec, 1900.0, dir);

        long opens = msc(LocalDateTime.of(2024, 1, 2, 10, 31));
        assertThat(run.signals).as("signals once the session is open").isNotEmpty()
                .allMatch(s -> s.getDecidedOnTickMsc() >= opens, "none before 10:31");
        assertThat(guardVetoes(run.result, "SESSION_CLOSED")).as("candidates before the open refused").isPositive();
        assertThat(run.result.counters().getRejects()).isZero();
    }

    @Test
    void anIndexCfdInCloseOnlyMode_opensNothing(@TempDir Path dir) throws Exception {
        SymbolSpec spec = builtIn("US30").toBuilder().setTradeMode(SymbolTradeMode.TRADE_MODE_CLOSE_ONLY).build();

        Run run = run(spec, 35000.0, dir);

        assertThat(run.signals).isEmpty();
        assertThat(guardVetoes(run.result, "CLOSE_ONLY")).isPositive();
    }

    private record Run(Replay.Result result, List<Signal> signals) {
    }

    private static Run run(SymbolSpec spec, double scale, Path dir) throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(PluginJars.installAll(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("journal.db"));
        Replay.Result result = Replay.run(config, MarketSource.of(
                        SymbolSpecsThroughTheLoopTest.scaled(spec.getSymbol(), scale, spec, 20_000).iterator()),
                new SimBroker(BrokerConfig.defaults().withAccountId("modes")
                        .withSymbols(SymbolSpecs.of(Instrument.fixed(spec)))));
        return new Run(result, SymbolSpecsThroughTheLoopTest.signals(config));
    }

    private static long guardVetoes(Replay.Result result, String code) {
        return result.vetoes().stream().filter(v -> v.getSource() == VetoSource.VETO_GUARD && v.getCode().equals(code))
                .mapToLong(VetoCount::getCount).sum();
    }

    private static SymbolSpec builtIn(String symbol) {
        return SymbolSpecs.builtIn().get(symbol).orElseThrow().spec();
    }

    private static TradeSession session(int day, int from, int to) {
        return TradeSession.newBuilder().setDayOfWeek(day).setFromSec(from).setToSec(to).build();
    }

    private static long msc(LocalDateTime serverTime) {
        return serverTime.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
