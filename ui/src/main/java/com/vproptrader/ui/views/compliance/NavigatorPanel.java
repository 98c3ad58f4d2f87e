package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vproptrader.proto.ChallengeForecast;
import com.vproptrader.proto.EndProbability;
import com.vproptrader.proto.Probability;
import com.vproptrader.ui.views.Fmt;
import java.util.Locale;

/**
 * The challenge navigator: the probability of passing the phase with its interval, the rule most likely to end
 * the attempt, the expected trading days to pass, the risk per trade simulated and advised, what the simulation
 * was built from, and the risk curve.
 */
final class NavigatorPanel extends Div {

    private final Span pass = Panel.value("navigator-pass");
    private final Span failure = Panel.value("navigator-failure");
    private final Span days = Panel.value("navigator-days");
    private final Span risk = Panel.value("navigator-risk");
    private final Span advice = Panel.value("navigator-advice");
    private final Span basis = new Span("–");
    private final RiskCurveChart curve = new RiskCurveChart();

    NavigatorPanel() {
        basis.setId("navigator-basis");
        basis.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        pass.getStyle().set("font-size", "var(--lumo-font-size-xl)");
        Div rows = new Div(
                row("Pass probability", pass),
                row("Most likely to end it", failure),
                row("Days to pass", days),
                row("Risk per trade", risk),
                row("Advice", advice));
        rows.getStyle().set("display", "grid").set("grid-template-columns", "auto minmax(0, 1fr)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("align-items", "baseline");
        Div figures = new Div(rows, basis);
        figures.getStyle().set("flex", "1 1 20em").set("min-width", "0");
        Div body = new Div(figures, curve);
        body.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        Div panel = Panel.of("Challenge navigator · the rest of the phase, simulated", body);
        panel.setWidthFull();
        add(panel);
        setId("compliance-navigator");
        setWidthFull();
    }

    void show(ChallengeForecast f) {
        if (!f.getReady()) {
            for (Span s : new Span[] {pass, failure, days, advice}) {
                s.setText("–");
            }
            risk.setText(f.getPerTradeCapPct() > 0 ? "cap " + pct(f.getPerTradeCapPct()) : "–");
            basis.setText("waiting for the first simulation");
            curve.show(f);
            return;
        }
        pass.setText(percent(f.getPass()));
        EndProbability worst = f.getEndsList().stream().filter(e -> e.getEnd().equals(f.getMostLikelyFailure()))
                .findFirst().orElse(EndProbability.getDefaultInstance());
        failure.setText(f.getMostLikelyFailure() + " · " + percent(worst.getProbability()));
        days.setText(Double.isNaN(f.getDaysToPassMean()) ? "no simulated path passed"
                : String.format(Locale.ROOT, "%.1f trading days (%.1f–%.1f) · median %d, 9 in 10 by %d",
                f.getDaysToPassMean(), f.getDaysToPassLow(), f.getDaysToPassHigh(), f.getDaysToPassP50(),
                f.getDaysToPassP90()));
        risk.setText("simulated " + pct(f.getRiskPct()) + " · sizer cap " + pct(f.getPerTradeCapPct())
                + (f.getFollowingAdvice() ? " (following the advice)" : ""));
        advice.setText(pct(f.getAdvisedRiskPct()) + " per trade maximises " + objective(f.getObjective()));
        basis.setText(String.format(Locale.ROOT, "%s paths, seed %d · %d closed trades over %d days, blocks of %.1f"
                        + " days, %.0f%% of days from the prior · after %s, %s · refreshed in %.0f ms · times out %s",
                Fmt.count(f.getPaths()), f.getSeed(), f.getTradesObserved(), f.getDaysObserved(), f.getBlockLength(),
                f.getPriorShare() * 100, f.getCause().replace('_', ' '), Fmt.serverTime(f.getAsOfMsc()),
                f.getRefreshMs(), Fmt.serverTime(f.getHorizonEndMsc())));
        curve.show(f);
    }

    private static String objective(String objective) {
        return objective.equals("DAYS_PER_PASS") ? "passes per trading day" : "the pass probability";
    }

    private static String percent(Probability p) {
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f%%)", p.getEstimate() * 100, p.getLow() * 100,
                p.getHigh() * 100);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }

    private static Div row(String caption, Span value) {
        Span c = new Span(caption);
        c.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div pair = new Div(c, value);
        pair.getStyle().set("display", "contents");
        return pair;
    }
}
