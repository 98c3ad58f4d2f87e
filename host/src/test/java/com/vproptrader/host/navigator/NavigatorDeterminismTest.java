package com.vproptrader.host.navigator;

import com.vproptrader.host.govern.Governance;
import com.vproptrader.host.govern.GovernorSnapshot;
import com.vproptrader.host.govern.GovernorStore;
import com.vproptrader.host.govern.calendar.MarketCalendar;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.risk.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Same state and seed, same figures (whatever the thread count); and forecasting never touches the account. */
class NavigatorDeterminismTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");

    private static List<TradeOutcome> history(Instant now) {
        SplittableRandom rng = new SplittableRandom(3);
        List<TradeOutcome> trades = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            Instant open = now.minus(Duration.ofDays(d)).plus(Duration.ofHours(1));
            long risk = 100_000;
            trades.add(new TradeOutcome(open, open.plus(Duration.ofMinutes(40)),
                    Money.ofCents(rng.nextDouble() < 0.45 ? risk * 3 / 2 : -risk), Money.ofCents(risk), 0.01));
        }
        return trades;
    }

    private static Forecast run(int threads, long seed, StartState start, List<TradeOutcome> trades) {
        NavigatorConfig config = new NavigatorConfig(800, 200, List.of(0.5, 1.0), RiskBasis.BALANCE,
                RiskObjective.PASS_PROBABILITY, Duration.ofDays(60), threads, seed, NavigatorConfig.defaults().prior());
        ChallengeNavigator navigator = new ChallengeNavigator(config, new Simulation(NavigatorFixtures.WORKERS, threads));
        return navigator.forecast(navigator.source(start, trades), 0.01);
    }

    @Test
    void theSameSeedGivesTheSameForecastOnOneOrTwoThreads() {
        StartState start = NavigatorFixtures.fresh(FTMO, Duration.ofDays(60));
        List<TradeOutcome> trades = history(start.now());

        Forecast a = run(1, 5, start, trades);
        Forecast b = run(2, 5, start, trades);
        Forecast other = run(2, 6, start, trades);

        assertThat(b.ends()).isEqualTo(a.ends());
        assertThat(b.daysToPass().histogram()).containsExactly(a.daysToPass().histogram());
        assertThat(other.ends()).isNotEqualTo(a.ends());
    }

    @Test
    void forecastingLeavesTheLiveGovernorsAsTheyWere() {
        GovernorStore store = GovernorStore.inMemory();
        Instant now = Instant.parse("2026-03-03T10:00:00Z");
        Governance live = new Governance(FTMO, store, MarketCalendar.NONE, now);
        Money balance = Money.ofCents(99_500_00);
        AccountView view = new AccountView(balance, balance, List.of());
        live.onMarket(view, now);
        live.onPositionOpened(now);
        live.onPositionClosed(Money.ofCents(-500_00), now.plusSeconds(600));
        GovernorSnapshot before = live.snapshot();
        GovernorSnapshot saved = store.load().orElseThrow();

        StartState start = new StartState(FTMO, MarketCalendar.NONE, before, balance, balance, Money.ZERO,
                now.plusSeconds(900), now.plus(Duration.ofDays(60)));
        Forecast f = run(2, 1, start, history(now));

        assertThat(f.paths()).isEqualTo(800);
        assertThat(live.snapshot()).isEqualTo(before);
        assertThat(store.load().orElseThrow()).isEqualTo(saved);
    }
}
