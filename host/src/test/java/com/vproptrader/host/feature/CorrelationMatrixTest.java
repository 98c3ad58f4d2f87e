package com.vproptrader.host.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {
    private static final long MINUTE = 60_000L;

    @Test
    void rollingCorrelation_matchesCommonsMathOnTheSameWindow_throughManyEvictions() {
        int window = 50;
        CorrelationMatrix matrix = new CorrelationMatrix(window, 8);
        Random random = new Random(7);
        int periods = 1_000;
        double[][] returns = new double[periods][3];
        double[] price = {1.10, 1.27, 150.0};
        for (int t = 0; t < periods; t++) {
            double common = random.nextGaussian() * 1e-3;
            returns[t][0] = common + random.nextGaussian() * 5e-4;
            returns[t][1] = 0.8 * common + random.nextGaussian() * 5e-4;
            returns[t][2] = -common + random.nextGaussian() * 2e-3;
            for (int s = 0; s < 3; s++) {
                if (t > 0) {
                    price[s] *= Math.exp(returns[t][s]);
                }
                matrix.onPrice(new String[] {"EURUSD", "GBPUSD", "USDJPY"}[s], t * MINUTE, price[s]);
            }
        }
        matrix.onPrice("EURUSD", periods * MINUTE, price[0]); // starts the next period: commits the last row

        double[][] lastWindow = new double[window][];
        for (int k = 0; k < window; k++) {
            lastWindow[k] = returns[periods - window + k];
        }
        double[][] expected = new PearsonsCorrelation(lastWindow).getCorrelationMatrix().getData();
        double[][] actual = matrix.matrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(actual[i][j]).as("corr %d,%d", i, j).isCloseTo(expected[i][j],
                        org.assertj.core.data.Offset.offset(1e-10));
            }
        }
        assertThat(matrix.correlation("EURUSD", "USDJPY")).isNegative();
        assertThat(matrix.series()).containsExactly("EURUSD", "GBPUSD", "USDJPY");
    }

    @Test
    void missingBar_countsAsNoMove_andTheNextReturnCarriesTheWholeMove() {
        CorrelationMatrix matrix = new CorrelationMatrix(3, 4);
        matrix.onPrice("A", 0, 100);
        matrix.onPrice("B", 0, 100);
        matrix.onPrice("A", MINUTE, 101);
        matrix.onPrice("B", MINUTE, 101);
        matrix.onPrice("A", 2 * MINUTE, 102); // B silent this minute
        matrix.onPrice("A", 3 * MINUTE, 101);
        matrix.onPrice("B", 3 * MINUTE, 101); // B's return covers minutes 2 and 3
        matrix.onPrice("A", 4 * MINUTE, 101);
        // rows: [ln1.01, ln1.01], [ln(102/101), 0], [ln(101/102), 0]
        double[][] rows = {{Math.log(1.01), Math.log(1.01)}, {Math.log(102.0 / 101), 0}, {Math.log(101.0 / 102), 0}};
        double expected = new PearsonsCorrelation(rows).getCorrelationMatrix().getEntry(0, 1);
        assertThat(matrix.correlation("A", "B")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void correlation_isNaN_untilBothSeriesHaveAFullWindow() {
        CorrelationMatrix matrix = new CorrelationMatrix(5, 4);
        for (int t = 0; t < 4; t++) {
            matrix.onPrice("A", t * MINUTE, 100 + t * t);
            matrix.onPrice("B", t * MINUTE, 100 - t);
        }
        assertThat(matrix.correlation("A", "B")).isNaN();
        assertThat(matrix.correlation("A", "nope")).isNaN();
    }
}
