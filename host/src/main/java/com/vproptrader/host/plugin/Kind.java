package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.plugin.api.SignalFilter;
import com.vproptrader.proto.PluginKind;
import java.util.function.Function;

/** The extension points the host knows, with the smoke call that exercises each one. */
enum Kind {
    ALPHA("alpha", AlphaStrategy.class, PluginKind.PLUGIN_ALPHA) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.alpha(i);
            return ext -> ((AlphaStrategy) ext).evaluate(input);
        }
    },
    FILTER("filter", SignalFilter.class, PluginKind.PLUGIN_FILTER) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.filter(i);
            return ext -> ((SignalFilter) ext).check(input);
        }
    },
    MODEL("model", ModelScorer.class, PluginKind.PLUGIN_MODEL) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.model(i);
            return ext -> ((ModelScorer) ext).score(input);
        }
    };

    final String label;
    final Class<?> type;
    /** How AdminService names it. */
    final PluginKind wire;

    Kind(String label, Class<?> type, PluginKind wire) {
        this.label = label;
        this.type = type;
        this.wire = wire;
    }

    /** A call on the i-th canned input of this kind (0 until {@link SmokeInputs#COUNT}). */
    abstract Function<Object, Object> smokeCall(int i);
}
