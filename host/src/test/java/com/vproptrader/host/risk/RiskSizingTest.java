package com.vproptrader.host.risk;

import com.vproptrader.proto.Side;
import com.vproptrader.proto.SymbolSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskSizingTest {
    static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5).setContractSize(100_000)
            .setTickSize(0.00001).setTickValue(1.0).setVolumeMin(0.01).setVolumeStep(0.01).setVolumeMax(50)
            .setStopsLevelPoints(30).build();

    @Test
    void money_reads_mt5_doubles_by_their_shortest_decimal() {
        assertThat(Money.of(97349.99, RoundingMode.FLOOR).cents()).isEqualTo(9_734_999);
        assertThat(Money.of(0.1 + 0.2, RoundingMode.CEILING).cents()).isEqualTo(31); // 0.30000000000000004 → up
        assertThat(Money.percentOf(new BigDecimal("5"), Money.ofCents(10_000_000), RoundingMode.FLOOR))
                .isEqualTo(Money.ofCents(500_000));
    }

    @Test
    void price_move_value_is_exact_for_tick_multiples_and_rounds_losses_up() {
        assertThat(PriceMove.loss(0.9, 1.10000, 1.09000, 0.00001, 1.0)).isEqualTo(Money.ofCents(90_000));
        assertThat(PriceMove.loss(1.0, 156.250, 155.250, 0.001, 0.64)).isEqualTo(Money.ofCents(64_000));
        assertThat(PriceMove.loss(0.01, 1.10000, 1.09999, 0.00001, 1.0)).isEqualTo(Money.ofCents(1));
        assertThat(PriceMove.loss(0.01, 1.100000, 1.099995, 0.00001, 1.0)).as("half a cent rounds up").isEqualTo(Money.ofCents(1));
    }

    @Test
    void kelly_is_shrunk_by_the_fraction_and_by_model_entropy() {
        EntropyKelly k = new EntropyKelly(0.25, 0.5, 0.01);
        // p = 0.55, b = 1.5: f* = 0.55 − 0.45/1.5 = 0.25
        assertThat(EntropyKelly.kelly(0.55, 1.5)).isCloseTo(0.25, within(1e-12));
        EntropyKelly uncapped = new EntropyKelly(0.25, 0.5, 0.5);
        double certain = uncapped.riskFraction(0.55, 1.5, new double[]{1, 0, 0});
        double unsure = uncapped.riskFraction(0.55, 1.5, new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0});
        assertThat(certain).isCloseTo(0.0625, within(1e-12));
        assertThat(unsure).isCloseTo(0.03125, within(1e-12));
        assertThat(k.riskFraction(0.55, 1.5, new double[]{1, 0})).as("capped").isEqualTo(0.01);
        assertThat(k.riskFraction(0.40, 1.0, new double[]{0.4, 0.6})).as("no edge, no bet").isZero();
    }

    @Test
    void stops_are_0_8_sigma_with_targets_at_1_5_and_2_4_times_the_stop() {
        StopLevels s = StopPlanner.DEFAULT.plan(Side.BUY, 1.10000, 0.00500, EURUSD);
        assertThat(s.slDistance()).isCloseTo(0.00400, within(1e-12));
        assertThat(s.sl()).isEqualTo(1.09600);
        assertThat(s.tp1()).isEqualTo(1.10600);
        assertThat(s.tp2()).isEqualTo(1.10960);
        StopLevels sell = StopPlanner.DEFAULT.plan(Side.SELL, 1.10000, 0.00500, EURUSD);
        assertThat(sell.sl()).isEqualTo(1.10400);
        assertThat(sell.tp1()).isEqualTo(1.09400);
    }

    @Test
    void a_stop_inside_the_stops_level_is_widened_to_it() {
        StopLevels s = StopPlanner.DEFAULT.plan(Side.BUY, 1.10000, 0.00010, EURUSD); // 0.8σ = 8 points < 30
        assertThat(s.slDistance()).isCloseTo(0.00030, within(1e-12));
        assertThat(s.sl()).isEqualTo(1.09970);
    }

    @Test
    void a_stop_is_whole_ticks_at_least_0_8_sigma_and_the_stops_level_and_under_a_tick_beyond() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        SymbolSpec jpy = EURUSD.toBuilder().setSymbol("USDJPY").setDigits(3).setTickSize(0.005).setStopsLevelPoints(0).build();
        for (int i = 0; i < 20_000; i++) {
            SymbolSpec spec = i % 2 == 0 ? EURUSD : jpy;
            double tick = spec.getTickSize();
            double sigma = Math.pow(10, random.nextDouble(-7, -1)) * (i % 3 == 0 ? 1 : 150);
            double entry = i % 2 == 0 ? 1.1 + random.nextInt(10_000) * tick : 150 + random.nextInt(10_000) * tick;
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            StopLevels s = StopPlanner.DEFAULT.plan(side, entry, sigma, spec);
            double floor = Math.max(Math.max(0.8 * sigma, spec.getStopsLevelPoints() * Math.pow(10, -spec.getDigits())), tick);
            double ticks = s.slDistance() / tick;
            assertThat(ticks).as("sigma %s", sigma).isCloseTo(Math.rint(ticks), within(1e-6));
            assertThat(s.slDistance()).as("sigma %s", sigma).isGreaterThanOrEqualTo(floor * (1 - 1e-12))
                    .isLessThan(floor + tick * (1 + 1e-9));
            assertThat(side == Side.BUY ? entry - s.sl() : s.sl() - entry).as("sigma %s", sigma)
                    .isCloseTo(s.slDistance(), within(tick * 1e-6));
        }
    }

    @Test
    void a_stop_needs_a_finite_sigma() {
        for (double sigma : new double[] {Double.POSITIVE_INFINITY, Double.NaN, 0, -0.001}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StopPlanner.DEFAULT.plan(Side.BUY, 1.1, sigma, EURUSD))
                    .as("sigma %s", sigma).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lots_make_the_loss_at_sl_at_most_the_budget_rounded_down_to_the_step() {
        // 400 points * 1.0 = 400 per lot; budget 1000 → 2.5 lots exactly
        assertThat(LotSizer.lots(EURUSD, Money.ofCents(100_000), 0.00400)).contains(new BigDecimal("2.5"));
        // budget 999.99 → 2.4999 → 2.49
        assertThat(LotSizer.lots(EURUSD, Money.ofCents(99_999), 0.00400)).contains(new BigDecimal("2.49"));
        // below the minimum: no trade
        assertThat(LotSizer.lots(EURUSD, Money.ofCents(300), 0.00400)).isEmpty();
        // above the maximum: capped
        assertThat(LotSizer.lots(EURUSD, Money.ofCents(100_000_000), 0.00400)).contains(new BigDecimal("50"));
    }

    @Test
    void commission_is_part_of_the_loss_at_sl() {
        SymbolSpec withCommission = EURUSD.toBuilder().setCommissionPerLot(3.0).build();
        assertThat(LotSizer.lossPerLot(withCommission, 0.00400)).isEqualByComparingTo("406");
        assertThat(LotSizer.lots(withCommission, Money.ofCents(100_000), 0.00400)).contains(new BigDecimal("2.46"));
    }

    @Test
    void vol_target_limits_a_lone_position_to_one_percent_daily_vol() {
        // equity 100000 → target 1000/day; 1 lot moves 700/day → 1.4286 lots
        double lots = VolatilityTarget.ONE_PERCENT.maxLots(100_000, new double[0], new double[][]{{1}}, 700, 1);
        assertThat(lots).isCloseTo(1000.0 / 700, within(1e-9));
    }

    @Test
    void vol_target_gives_room_to_hedges_and_none_when_the_book_is_full() {
        double[][] corr = {{1, 0.9}, {0.9, 1}};
        double same = VolatilityTarget.ONE_PERCENT.maxLots(100_000, new double[]{600}, corr, 700, 1);
        double hedge = VolatilityTarget.ONE_PERCENT.maxLots(100_000, new double[]{600}, corr, 700, -1);
        assertThat(hedge).isGreaterThan(same);
        double full = VolatilityTarget.ONE_PERCENT.maxLots(100_000, new double[]{1200}, corr, 700, 1);
        assertThat(full).isZero();
        // at x = same the book sits exactly on target
        double vol = VolatilityTarget.portfolioVol(new double[]{600, 700 * same}, corr);
        assertThat(vol).isCloseTo(1000, within(1e-6));
    }

    @Test
    void historical_es95_is_the_mean_of_the_worst_5_percent() {
        double[] pnl = new double[100];
        for (int i = 0; i < 100; i++) {
            pnl[i] = i - 50; // −50 … 49
        }
        // worst 5: −50 … −46 → mean −48
        assertThat(ExpectedShortfall.historical(pnl)).isCloseTo(48, within(1e-12));
        assertThat(ExpectedShortfall.historical(ExpectedShortfall.positionPnl(-2, new double[]{0.01, -0.02, 0.03})))
                .as("a short loses when prices rise; k = ⌈0.15⌉ = 1").isCloseTo(0.06, within(1e-12));
    }

    @Test
    void parametric_es95_is_2_0627_sigma_minus_mean() {
        assertThat(ExpectedShortfall.parametric(0, 1)).isCloseTo(2.0627128, within(1e-6));
        assertThat(ExpectedShortfall.parametric(10, 100)).isCloseTo(206.27128 - 10, within(1e-4));
    }

    @Test
    void portfolio_es_diversifies_and_matches_the_sum_for_perfect_correlation() {
        double[] a = {0.01, -0.02, 0.015, -0.01, 0.005, -0.03, 0.02, 0.0, -0.005, 0.01,
                0.012, -0.018, 0.007, -0.004, 0.003, -0.025, 0.011, 0.002, -0.009, 0.006};
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = -a[(i + 7) % a.length];
        }
        double separate = ExpectedShortfall.historical(ExpectedShortfall.positionPnl(1000, a))
                + ExpectedShortfall.historical(ExpectedShortfall.positionPnl(1000, b));
        assertThat(ExpectedShortfall.portfolioHistorical(new double[]{1000, 1000}, new double[][]{a, b}))
                .isLessThanOrEqualTo(separate);
        assertThat(ExpectedShortfall.portfolioHistorical(new double[]{1000, 1000}, new double[][]{a, a}))
                .isCloseTo(2 * ExpectedShortfall.historical(ExpectedShortfall.positionPnl(1000, a)), within(1e-9));
        double[][] cov = {{1e-4, 1e-4}, {1e-4, 1e-4}};
        assertThat(ExpectedShortfall.portfolioParametric(new double[]{1000, 1000}, new double[]{0, 0}, cov))
                .isCloseTo(2 * ExpectedShortfall.parametric(0, 10), within(1e-9));
    }

    @Test
    void sizer_combines_kelly_cap_size_factor_stops_and_vol_target() {
        PositionSizer sizer = new PositionSizer(new EntropyKelly(0.25, 0.5, 0.01), StopPlanner.DEFAULT,
                VolatilityTarget.ONE_PERCENT);
        var signal = new PositionSizer.Signal(0.6, 1.5, new double[]{0.9, 0.1});
        var market = new PositionSizer.Market(1.10000, 0.00500, 0.00200);
        var sized = sizer.size(Side.BUY, EURUSD, signal, market, PositionSizer.Book.empty(),
                Money.ofCents(10_000_000), BigDecimal.ONE, Optional.empty()).orElseThrow();
        // budget capped at 1% = 1000; SL 400 points → 2.5 lots; vol: 1 lot = 200/day → 5 lots allowed
        assertThat(sized.budget()).isEqualTo(Money.ofCents(100_000));
        assertThat(sized.lots()).isEqualByComparingTo("2.5");
        assertThat(sized.lossAtStop()).isEqualTo(Money.ofCents(100_000));
        assertThat(sized.limitedBy()).isEqualTo("RISK_BUDGET");
        var halved = sizer.size(Side.BUY, EURUSD, signal, market, PositionSizer.Book.empty(),
                Money.ofCents(10_000_000), new BigDecimal("0.5"), Optional.empty()).orElseThrow();
        assertThat(halved.lots()).isEqualByComparingTo("1.25");
        var volBound = sizer.size(Side.BUY, EURUSD, signal, new PositionSizer.Market(1.10000, 0.00500, 0.00800),
                PositionSizer.Book.empty(), Money.ofCents(10_000_000), BigDecimal.ONE, Optional.empty()).orElseThrow();
        assertThat(volBound.lots()).isEqualByComparingTo("1.25"); // 1 lot = 800/day → 1.25 lots
        assertThat(volBound.limitedBy()).isEqualTo("VOL_TARGET");
        var dayQualifying = sizer.size(Side.BUY, EURUSD, signal, market, PositionSizer.Book.empty(),
                Money.ofCents(10_000_000), BigDecimal.ONE, Optional.of(Money.ofCents(5_000))).orElseThrow();
        assertThat(dayQualifying.lots()).isEqualByComparingTo("0.12"); // a 50.00 cap at 400 per lot: 0.125 → 0.12
        assertThat(dayQualifying.lossAtStop()).isEqualTo(Money.ofCents(4_800));
    }
}
