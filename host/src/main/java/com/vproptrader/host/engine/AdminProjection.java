package com.vproptrader.host.engine;

import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.EaState;
import com.vproptrader.proto.EquityPoint;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.RejectionCount;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.Tick;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The account as operators see it (AdminService): copies built on the loop between two events, never a change. */
final class AdminProjection {
    private final EngineKernel k;
    private final AccountBook book;
    private final Map<String, SymbolMarket> markets;

    AdminProjection(EngineKernel kernel, AccountBook book, Map<String, SymbolMarket> markets) {
        this.k = kernel;
        this.book = book;
        this.markets = markets;
    }

    /** The plugin host's versions, each shadow with its would-be trading on the paper book. Any thread. */
    List<PluginInfo> pluginsWithShadowPaper() {
        var paper = k.decider.shadowPaper();
        return k.plugins.describe().stream().map(p -> {
            ShadowPaperBook.Stats s = paper.get(p.getPluginId() + "@" + p.getVersion());
            if (!p.getShadow()) {
                return p;
            }
            s = s == null ? ShadowPaperBook.Stats.NONE : s;
            return p.toBuilder().setWouldBeTrades(s.trades()).setWouldBeOpen(s.open()).setWouldBePnlR(s.pnlR())
                    .setWouldBeWinRate(s.winRate()).build();
        }).toList();
    }

    /** The whole equity series (newest {@code maxPoints} when positive). */
    List<EquityPoint> equitySeries(int maxPoints) {
        List<EquityPoint> all = book.equity;
        int from = maxPoints > 0 ? Math.max(0, all.size() - maxPoints) : 0;
        return List.copyOf(all.subList(from, all.size()));
    }

    /** Status, plugins, positions and the newest equity point; {@code rules} is null before the first hello. */
    AdminUpdate snapshot(TradingStates.Effective effective, EaState eaState, String eaMismatch, PropFirmRules rules) {
        Status.Builder status = Status.newBuilder()
                .setAccountId(k.terminal.accountId())
                .setTerminalConnected(k.terminal.connected())
                .setLastEventServerTimeMsc(k.clock.eventMsc())
                .setAccount(book.account)
                .setBalanceCents(AccountBook.cents(book.account.getBalance()))
                .setEquityCents(AccountBook.cents(book.account.getEquity()))
                .setCounters(book.counters.setVetoes(book.vetoes.total()).build())
                .addAllVetoes(book.vetoes.toProto())
                .setTradingState(effective.state())
                .setTradingStateReason(effective.reason())
                .setEaState(eaState)
                .setEaStateMismatch(eaMismatch)
                .setWallTimeMs(System.currentTimeMillis());
        status.setScan(k.decider.scanStats());
        markets.values().stream().filter(m -> m.lastTick != null).map(m -> m.lastTick)
                .sorted(Comparator.comparing(Tick::getSymbol)).forEach(status::addPrices);
        if (rules != null) {
            AccountView view = rules.view(book.account, book.positions.values(), markets);
            Compliance compliance = rules.toProto(view, k.clock.nowMsc());
            status.setCompliance(k.navigator == null ? compliance
                    : compliance.toBuilder().setNavigator(k.navigator.proto(rules)).build())
                    .setDayPnlCents(rules.dayPnl(view).cents());
        }
        k.feed.quality().rejections().forEach((symbol, byReason) -> byReason.forEach((reason, count) ->
                status.addFeedRejections(RejectionCount.newBuilder().setSymbol(symbol).setReason(reason.name())
                        .setCount(count))));
        AdminUpdate.Builder update = AdminUpdate.newBuilder().setStatus(status)
                .addAllPlugins(pluginsWithShadowPaper())
                .addAllPositions(book.positions.values())
                .addAllPositionViews(book.positionViews());
        if (!book.equity.isEmpty()) {
            update.setEquity(book.equity.get(book.equity.size() - 1));
        }
        return update.build();
    }
}
