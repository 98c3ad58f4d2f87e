package com.vproptrader.ui.views.overview;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.ComplianceEvent;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.EquityPoint;
import com.vproptrader.proto.GroupMetrics;
import com.vproptrader.proto.RuleHeadroom;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.TradeRecord;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.HostReports;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import com.vproptrader.ui.views.StatTile;
import com.vproptrader.ui.views.StatusBadge;
import com.vproptrader.ui.views.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the account is doing right now: money and P/L, headroom to the pack's floors, the equity curve with the
 * floors drawn, trade statistics, live prices, recent trades, latest vetoes, the links and the one engine
 * state. While the host is unreachable every figure shows "–" (the header says since when), never a stale 0.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview · VPropTrader")
public final class OverviewView extends VerticalLayout {

    private final StatTile balance = new StatTile("Balance", "balance-value");
    private final StatTile equity = new StatTile("Equity", "equity-value");
    private final StatTile dayPnl = new StatTile("Day P/L", "day-pnl-value");
    private final StatTile weekPnl = new StatTile("Week closed P/L", "week-pnl-value");
    private final StatTile totalPnl = new StatTile("Total closed P/L", "total-pnl-value");
    private final StatTile openPnl = new StatTile("Open P/L", "open-pnl-value");
    private final StatTile dailyFloor = new StatTile("To daily floor", "daily-floor-value");
    private final StatTile maxFloor = new StatTile("To max-loss floor", "max-floor-value");
    private final StatTile drawdown = new StatTile("Drawdown from peak", "drawdown-value");
    private final StatTile trades = new StatTile("Trades", "trades-value");
    private final StatTile winRate = new StatTile("Win rate", "win-rate-value");
    private final StatTile profitFactor = new StatTile("Profit factor", "profit-factor-value");
    private final StatTile expectancy = new StatTile("Expectancy", "expectancy-value");
    private final StatTile sharpe = new StatTile("Sharpe (daily)", "sharpe-value");
    private final StatTile ticks = new StatTile("Ticks", "ticks-value");
    private final StatTile signals = new StatTile("Signals", "signals-value");
    private final StatTile orders = new StatTile("Orders", "orders-value");
    private final StatTile fills = new StatTile("Fills", "fills-value");
    private final StatTile rejects = new StatTile("Broker rejects", "rejects-value");
    private final StatTile vetoes = new StatTile("Vetoes", "vetoes-value");
    private final StatusBadge terminal = new StatusBadge("terminal-state");
    private final StatusBadge ea = new StatusBadge("ea-state");
    private final StatusBadge engine = new StatusBadge("engine-state");
    private final Span engineReason = new Span();
    private final Span lastEvent = new Span();
    private final Span feedRejections = new Span();
    private final EquityChart chart = new EquityChart();
    private final Grid<Tick> prices = OverviewTables.prices();
    private final Grid<TradeRecord> recentTrades = OverviewTables.trades("recent-trades-grid");
    private final Grid<ComplianceEvent> latestVetoes = OverviewTables.vetoes();
    private final PositionsGrid positions = new PositionsGrid();

    public OverviewView() {
        setId("overview-view");
        engineReason.setId("engine-reason");
        lastEvent.setId("last-event");
        feedRejections.setId("feed-rejections");
        for (Span quiet : new Span[] {engineReason, lastEvent, feedRejections}) {
            quiet.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        }
        HorizontalLayout states = new HorizontalLayout(new Span("Terminal link"), terminal, new Span("EA"), ea,
                new Span("Engine"), engine, engineReason, lastEvent, feedRejections);
        states.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        states.setWrap(true);

        add(states, tiles(balance, equity, dayPnl, weekPnl, totalPnl, openPnl),
                tiles(dailyFloor, maxFloor, drawdown),
                new H2("Equity and balance (broker server time)"), chart,
                new H2("Trade statistics (all closed trades)"), tiles(trades, winRate, profitFactor, expectancy, sharpe),
                tiles(ticks, signals, orders, fills, rejects, vetoes),
                new H2("Live prices"), prices, new H2("Recent closed trades"), recentTrades,
                new H2("Latest vetoes and governor actions"), latestVetoes, new H2("Open positions"), positions);
        LiveBinding.bind(this, this::render);
    }

    private static FlexLayout tiles(StatTile... tiles) {
        FlexLayout row = new FlexLayout(tiles);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        row.setWidthFull();
        return row;
    }

    private void render(AdminSnapshot snapshot) {
        Status s = snapshot.status();
        String ccy = s.getAccount().getCurrency();
        boolean live = snapshot.live();
        balance.show(live ? Fmt.cents(s.getBalanceCents(), ccy) : "–");
        equity.show(live ? Fmt.cents(s.getEquityCents(), ccy) : "–");
        dayPnl.showSigned(live ? Fmt.signedCents(s.getDayPnlCents(), ccy) : "–", live ? s.getDayPnlCents() : 0);
        long open = s.getEquityCents() - s.getBalanceCents();
        openPnl.showSigned(live ? Fmt.signedCents(open, ccy) : "–", live ? open : 0);
        HostReports reports = snapshot.reports();
        closedPnl(weekPnl, live, HostReports.overall(reports.week()), ccy);
        closedPnl(totalPnl, live, HostReports.overall(reports.total()), ccy);
        floor(dailyFloor, live, rule(s, "daily_loss"), ccy);
        floor(maxFloor, live, rule(s, "max_loss"), ccy);
        drawdown.show(live ? drawdownFromPeak(snapshot.equity(), ccy) : "–");
        stats(live, HostReports.overall(reports.total()), ccy);
        Counters c = s.getCounters();
        StatTile[] counters = {ticks, signals, orders, fills, rejects, vetoes};
        long[] values = {c.getTicks(), c.getSignals(), c.getOrders(), c.getFills(), c.getRejects(), c.getVetoes()};
        for (int i = 0; i < counters.length; i++) {
            counters[i].show(live ? Fmt.count(values[i]) : "–");
        }
        if (!live) {
            terminal.show("unknown", StatusBadge.Tone.NEUTRAL);
            ea.show("unknown", StatusBadge.Tone.NEUTRAL);
            engine.show("unknown", StatusBadge.Tone.NEUTRAL);
        } else {
            terminal.show(s.getTerminalConnected() ? "connected" : "disconnected",
                    s.getTerminalConnected() ? StatusBadge.Tone.GOOD : StatusBadge.Tone.BAD);
            String eaState = s.getEaState().getEngineState();
            ea.show(eaState.isEmpty() ? "no report" : eaState + (s.getEaState().getFailsafe() ? " · fail-safe" : ""),
                    eaState.isEmpty() ? StatusBadge.Tone.NEUTRAL
                            : eaState.equals("ACTIVE") && s.getEaStateMismatch().isEmpty() ? StatusBadge.Tone.GOOD
                            : StatusBadge.Tone.WARN);
            engine.show(s.getTradingState());
        }
        engineReason.setText(live ? s.getTradingStateReason() : "");
        lastEvent.setText(s.getLastEventServerTimeMsc() == 0 ? ""
                : "last event " + Fmt.serverTimeLabelled(s.getLastEventServerTimeMsc()));
        feedRejections.setText(s.getFeedRejectionsCount() == 0 ? "" : "feed refused: " + s.getFeedRejectionsList().stream()
                .map(r -> r.getSymbol() + " " + r.getReason() + " " + Fmt.count(r.getCount()))
                .collect(java.util.stream.Collectors.joining(", ")));
        chart.show(snapshot.equity(), floors(s));
        Tables.show(prices, live ? s.getPricesList() : List.of());
        Tables.show(recentTrades, reports.trades().subList(0, Math.min(OverviewTables.RECENT, reports.trades().size())));
        Tables.show(latestVetoes, OverviewTables.latestVetoes(s.getCompliance().getEventsList()));
        positions.show(live ? snapshot.positions() : List.of());
    }

    private static void closedPnl(StatTile tile, boolean live, Optional<GroupMetrics> overall, String ccy) {
        double v = overall.map(GroupMetrics::getNetProfit).orElse(0.0);
        tile.showSigned(live ? Fmt.signedMoney(v, ccy) : "–", live ? v : 0);
    }

    private void stats(boolean live, Optional<GroupMetrics> overall, String ccy) {
        GroupMetrics g = overall.orElse(GroupMetrics.getDefaultInstance());
        trades.show(live ? Fmt.count(g.getTrades()) : "–");
        winRate.show(live && g.getTrades() > 0 ? Fmt.percent(g.getWinRate()) : "–");
        profitFactor.show(live && g.getTrades() > 0 ? Fmt.ratio(g.getProfitFactor()) : "–");
        expectancy.show(live && g.getTrades() > 0 ? Fmt.signedMoney(g.getExpectancy(), ccy) : "–");
        sharpe.show(live && g.getTrades() > 0 ? Fmt.ratio(g.getSharpe()) : "–");
    }

    private static Optional<RuleHeadroom> rule(Status s, String name) {
        return s.getCompliance().getRulesList().stream().filter(r -> r.getRule().equals(name)).findFirst();
    }

    private static void floor(StatTile tile, boolean live, Optional<RuleHeadroom> rule, String ccy) {
        if (!live || rule.isEmpty()) {
            tile.show("–");
            return;
        }
        RuleHeadroom r = rule.get();
        tile.showSigned(Fmt.cents(r.getHeadroom(), ccy) + String.format(java.util.Locale.ROOT, " (%.2f%%)", r.getHeadroomPct()),
                r.getHeadroom() <= 0 ? -1 : 0);
    }

    /** The daily and max-loss floors as money, for the chart's dashed lines. */
    private static List<EquityChart.Floor> floors(Status s) {
        List<EquityChart.Floor> out = new ArrayList<>();
        rule(s, "daily_loss").ifPresent(r -> out.add(new EquityChart.Floor("daily floor", r.getLimit() / 100.0)));
        rule(s, "max_loss").ifPresent(r -> out.add(new EquityChart.Floor("max-loss floor", r.getLimit() / 100.0)));
        return out;
    }

    /** Peak equity of the curve shown minus equity now, with the share of the peak. */
    static String drawdownFromPeak(List<EquityPoint> curve, String ccy) {
        if (curve.isEmpty()) {
            return "–";
        }
        double peak = curve.stream().mapToDouble(EquityPoint::getEquity).max().orElse(0);
        double now = curve.get(curve.size() - 1).getEquity();
        double dd = Math.max(0, peak - now);
        return Fmt.money(dd, ccy) + String.format(java.util.Locale.ROOT, " (%.2f%%)", peak > 0 ? 100 * dd / peak : 0);
    }
}
