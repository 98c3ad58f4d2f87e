package com.vproptrader.host.plugin;

import com.vproptrader.plugin.api.AlphaStrategy;
import com.vproptrader.plugin.api.ModelScorer;
import com.vproptrader.plugin.api.SignalFilter;
import java.util.function.Function;

/** The extension points the host knows, with the smoke call that exercises each one. */
enum Kind {
    ALPHA("alpha", AlphaStrategy.class) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.alpha(i);
            return ext -> ((AlphaStrategy) ext).evaluate(input);
        }
    },
    FILTER("filter", SignalFilter.class) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.filter(i);
            return ext -> ((SignalFilter) ext).check(input);
        }
    },
    MODEL("model", ModelScorer.class) {
        @Override
        Function<Object, Object> smokeCall(int i) {
            var input = SmokeInputs.model(i);
            return ext -> ((ModelScorer) ext).score(input);
        }
    };

    final String label;
    final Class<?> type;

    Kind(String label, Class<?> type) {
        this.label = label;
        this.type = type;
    }

    /** A call on the i-th canned input of this kind (0 until {@link SmokeInputs#COUNT}). */
    abstract Function<Object, Object> smokeCall(int i);
}
