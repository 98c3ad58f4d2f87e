package com.vproptrader.host.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightRuleTest {
    private final WeightRule rule = new WeightRule(0.1, 0.05, 0.2, 3.0, 50, 3_600_000L);

    private static Map<String, Double> ordered(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void oneStep_matchesTheHandComputedValues() {
        Map<String, Double> w = ordered("a", 1.0, "b", 1.0, "c", 1.0);
        Map<String, Double> sharpe = ordered("a", 0.6, "b", 0.0, "c", -0.3); // mean 0.1
        Map<String, Double> rho = ordered("a", 0.8, "b", 0.0, "c", -0.2);

        Map<String, Double> next = rule.step(w, sharpe, rho);

        // raw: a = 1 + 0.1·0.5 − 0.05·0.8 = 1.01;  b = 1 + 0.1·(−0.1) = 0.99;  c = 1 + 0.1·(−0.4) + 0.05·0.2 = 0.97
        // sum 2.97, scaled to mean 1: × 3/2.97
        assertThat(next.get("a")).isCloseTo(1.01 * 3 / 2.97, within(1e-12));
        assertThat(next.get("b")).isCloseTo(0.99 * 3 / 2.97, within(1e-12));
        assertThat(next.get("c")).isCloseTo(0.97 * 3 / 2.97, within(1e-12));
    }

    @Test
    void weightsAreClippedBeforeNormalising() {
        Map<String, Double> next = rule.step(ordered("a", 2.9, "b", 0.25),
                ordered("a", 5.0, "b", -5.0), Map.of());

        // a: 2.9 + 0.1·5 = 3.4 → 3.0;  b: 0.25 − 0.5 → 0.2;  mean 1: × 2 / 3.2
        assertThat(next.get("a")).isCloseTo(3.0 * 2 / 3.2, within(1e-12));
        assertThat(next.get("b")).isCloseTo(0.2 * 2 / 3.2, within(1e-12));
    }

    @Test
    void anAlphaWithoutASharpeYet_doesNotDrift() {
        Map<String, Double> next = rule.step(ordered("new", 1.0, "old", 1.0), ordered("old", 1.0), Map.of());

        // mean Sharpe over the known one is 1.0: old gets 1 + 0.1·0 = 1; new stays 1
        assertThat(next.get("new")).isCloseTo(1.0, within(1e-12));
        assertThat(next.get("old")).isCloseTo(1.0, within(1e-12));
    }
}
