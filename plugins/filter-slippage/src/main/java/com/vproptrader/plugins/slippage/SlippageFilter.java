package com.vproptrader.plugins.slippage;

import com.vproptrader.plugin.api.Decimals;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.FillSlippage;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Skips a candidate whose predicted slippage eats its edge: when the {@link SlippageModel} fitted on the
 * newest {@code window} of the account's own fills of this symbol predicts, at the current spread, more
 * adverse slippage than {@code maxShareOfEdge} of the candidate's expected move. Half by default: the rest
 * of the edge still has to pay the spread, commission and the model's own error. Favourable predicted
 * slippage counts as 0 (never a reason to trade). With fewer than {@code minFills} fills, or no edge given,
 * it passes and says so. Stateless: refitted from the input on every call.
 */
@Extension
public final class SlippageFilter implements SignalFilter {
    static final int DEFAULT_WINDOW = 50;
    static final int DEFAULT_MIN_FILLS = 10;
    static final int DEFAULT_MIN_SIDE_FILLS = 5;
    static final double DEFAULT_MAX_SHARE_OF_EDGE = 0.5;

    private final int window;
    private final int minFills;
    private final int minSideFills;
    private final double maxShareOfEdge;

    public SlippageFilter() {
        this(DEFAULT_WINDOW, DEFAULT_MIN_FILLS, DEFAULT_MIN_SIDE_FILLS, DEFAULT_MAX_SHARE_OF_EDGE);
    }

    SlippageFilter(int window, int minFills, int minSideFills, double maxShareOfEdge) {
        this.window = window;
        this.minFills = minFills;
        this.minSideFills = minSideFills;
        this.maxShareOfEdge = maxShareOfEdge;
    }

    @Override
    public FilterVerdict check(FilterInput input) {
        double edge = input.getExpectedMovePoints();
        if (!(edge > 0)) {
            return verdict(true, "ok: no edge given, slippage not judged");
        }
        List<FillSlippage> all = input.getOwnFillsList();
        List<FillSlippage> newest = all.subList(Math.max(0, all.size() - window), all.size());
        SlippageModel model = SlippageModel.fit(newest, input.getDirection(), minSideFills);
        if (model.fills() < minFills) {
            // the answer of every check until enough fills came: no formatter (%d of an int is its decimal digits)
            return verdict(true, "ok: only " + model.fills() + " own fills, no slippage model yet");
        }
        double spread = input.getSpreadPoints();
        double predicted = Math.max(0, model.predict(spread));
        double allowed = maxShareOfEdge * edge;
        if (!(predicted <= allowed)) {
            return verdict(false, fmt("predicted slippage %.1f pts > %.0f%% of edge %.1f pts (%s)",
                    predicted, maxShareOfEdge * 100, edge, model.describe(new StringBuilder(), spread)));
        }
        // "ok: predicted slippage %.1f pts <= %.0f%% of edge %.1f pts (%s)": the usual answer, without a formatter
        StringBuilder ok = Decimals.fixed(new StringBuilder(128).append("ok: predicted slippage "), predicted, 1);
        Decimals.fixed(Decimals.fixed(ok.append(" pts <= "), maxShareOfEdge * 100, 0).append("% of edge "), edge, 1);
        return verdict(true, model.describe(ok.append(" pts ("), spread).append(')').toString());
    }

    private static FilterVerdict verdict(boolean pass, String reason) {
        return FilterVerdict.newBuilder().setPass(pass).setReason(reason).build();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
