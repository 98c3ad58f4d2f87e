package com.vproptrader.ui.views.compliance;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.Status;
import com.vproptrader.ui.views.Fmt;
import com.vproptrader.ui.views.StatusBadge;
import java.time.Duration;

/**
 * Which rules the host enforces (firm, program, phase, pack file) and the risk engine's state: state,
 * reason code of the last change, its text and since when (wall clock, UTC).
 */
final class PackHeader extends Composite<Div> {

    private final Span firmProgram = new Span("–");
    private final Span phase = Panel.value("compliance-phase");
    private final Span pack = Panel.value("compliance-rule-pack");
    private final StatusBadge engine = new StatusBadge("compliance-engine-state");
    private final Span reason = new Span();
    private final Span detail = new Span();
    private final Span since = new Span();
    /** The EA's own governors as it reports them, beside the host's, and any disagreement. */
    private final Span ea = new Span();

    PackHeader() {
        firmProgram.setId("compliance-firm-program");
        firmProgram.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Div packLine = new Div(Panel.caption("Phase"), phase, Panel.caption("Rule pack"), pack);
        packLine.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                .set("flex-wrap", "wrap");
        pack.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-weight", "400");
        Div left = new Div(Panel.caption("Active rule pack"), firmProgram, packLine);
        left.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");

        reason.setId("compliance-engine-reason");
        reason.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "0.1em 0.4em").set("border-radius", "var(--lumo-border-radius-s)");
        detail.setId("compliance-engine-detail");
        since.setId("compliance-engine-since");
        ea.setId("compliance-ea-state");
        for (Span quiet : new Span[] {detail, since, ea}) {
            quiet.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        }
        engine.getStyle().set("font-size", "var(--lumo-font-size-l)");
        Div stateLine = new Div(engine, reason);
        stateLine.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center");
        Div right = new Div(Panel.caption("Risk engine"), stateLine, detail, since, ea);
        right.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("align-items", "flex-end").set("text-align", "right");

        Div root = Panel.of(null, left, right);
        root.setId("compliance-header");
        root.getStyle().set("display", "flex").set("justify-content", "space-between").set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        getContent().add(root);
        getContent().setWidthFull();
    }

    void show(Status s) {
        Compliance c = s.getCompliance();
        // "FTMO · FTMO Challenge 2-Step" says the firm twice: drop it when the program names it already.
        String firm = c.getProgram().startsWith(c.getFirm()) ? c.getProgram() : join(" · ", c.getFirm(), c.getProgram());
        firmProgram.setText(firm.isEmpty() ? "No rule pack reported" : firm);
        phase.setText(c.getPhase().isEmpty() ? "–" : c.getPhase());
        pack.setText(c.getRulePack().isEmpty() ? "–" : c.getRulePack());
        // The one effective state (governors and the execution-quality pause); the governors' last reason beside it.
        engine.show(s.getTradingState());
        String code = c.getEngineReason();
        reason.setText(code);
        reason.setVisible(!code.isEmpty());
        detail.setText(s.getTradingStateReason().isEmpty() ? c.getEngineDetail() : s.getTradingStateReason());
        com.vproptrader.proto.EaState eaState = s.getEaState();
        ea.setText(eaState.getEngineState().isEmpty() ? "EA: no report yet"
                : "EA: " + eaState.getEngineState() + (eaState.getFailsafe() ? " (fail-safe)" : "") + " · pack "
                + eaState.getRulePackName() + (s.getEaStateMismatch().isEmpty() ? " · agrees with the host"
                : " · DIFFERS: " + s.getEaStateMismatch()));
        ea.getStyle().set("color", s.getEaStateMismatch().isEmpty() ? "var(--lumo-secondary-text-color)"
                : "var(--lumo-error-text-color)");
        since.setText(c.getEngineSinceMs() == 0 ? "" : "since " + Fmt.utc(c.getEngineSinceMs())
                + ago(s.getWallTimeMs() - c.getEngineSinceMs()));
    }

    /** "(3 min ago)"; nothing when the two clocks disagree by more than a day (e.g. a replay's clock). */
    private static String ago(long ms) {
        if (ms < 0 || ms > Duration.ofDays(1).toMillis()) {
            return "";
        }
        Duration d = Duration.ofMillis(ms);
        if (d.toMinutes() < 1) {
            return " (" + d.toSeconds() + " s ago)";
        }
        return d.toHours() < 1 ? " (" + d.toMinutes() + " min ago)" : " (" + d.toHours() + " h " + d.toMinutesPart() + " min ago)";
    }

    static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(b.length() == 0 ? "" : sep).append(p);
            }
        }
        return b.toString();
    }
}
