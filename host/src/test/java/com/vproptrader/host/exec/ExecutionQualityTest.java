package com.vproptrader.host.exec;

import com.vproptrader.host.time.ServerClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vproptrader.host.feature.SessionClock;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.FillSlippage;
import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.Reject;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExecutionQualityTest {
    static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5)
            .setTickSize(0.00001).setContractSize(100_000).build();
    static final double POINT = 0.00001;
    /** Wed 2026-01-14, server time GMT+2: 03:00 is Asia only, 11:00 London, 16:00 London + New York. */
    static final long ASIA = serverMsc(3), LONDON = serverMsc(11), OVERLAP = serverMsc(16);
    static final long MS = 1_000_000L;

    private final ExecutionQuality quality = new ExecutionQuality(ExecutionQualityConfig.defaults(),
            new SessionClock(ServerClock.NY_CLOSE));

    static long serverMsc(int hour) {
        return LocalDateTime.of(2026, 1, 14, hour, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    static Tick tick(long timeMsc, double bid, double spreadPoints) {
        return Tick.newBuilder().setSymbol("EURUSD").setTimeMsc(timeMsc).setBid(bid)
                .setAsk(bid + spreadPoints * POINT).build();
    }

    static Signal signal(String key, Side side, double reference) {
        return Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(side)
                .setReferencePrice(reference).build();
    }

    static Fill fill(String key, Side side, double price, double lots) {
        return Fill.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(side).setEntry(DealEntry.ENTRY_IN)
                .setPrice(price).setVolume(lots).setTimeMsc(LONDON + 5_000).build();
    }

    @Test
    void filterInput_inLondon_comparesWithLondonSpreadsOnly() {
        for (int i = 0; i < 5; i++) {
            quality.onTick(tick(ASIA + i * 1000, 1.1, 20), EURUSD);
        }
        quality.onTick(tick(LONDON, 1.1, 6), EURUSD);
        quality.onTick(tick(LONDON + 1000, 1.1, 8), EURUSD);

        FilterInput in = quality.filterInput(tick(LONDON + 2000, 1.1, 9), Side.BUY, EURUSD, 12);

        assertThat(in.getSession()).isEqualTo("LONDON");
        assertThat(in.getSpreadPoints()).isEqualTo(9.0);
        assertThat(in.getSessionSpreadsPointsList()).containsExactly(6.0, 8.0);
        assertThat(in.getRecentSpreadsPointsList()).containsExactly(20.0, 20.0, 20.0, 20.0, 20.0, 6.0, 8.0);
        assertThat(in.getExpectedMovePoints()).isEqualTo(12);
    }

    @Test
    void sessionSpreads_spanDays_andTheOverlapIsItsOwnSession() {
        quality.onTick(tick(LONDON, 1.1, 6), EURUSD);
        quality.onTick(tick(OVERLAP, 1.1, 4), EURUSD);
        quality.onTick(tick(LONDON + 86_400_000L, 1.1, 7), EURUSD); // next day, London again

        FilterInput in = quality.filterInput(tick(LONDON + 86_400_000L + 1, 1.1, 7), Side.SELL, EURUSD, 0);

        assertThat(in.getSessionSpreadsPointsList()).containsExactly(6.0, 7.0);
        assertThat(quality.filterInput(tick(OVERLAP + 1, 1.1, 4), Side.SELL, EURUSD, 0).getSession())
                .isEqualTo("LONDON_NEW_YORK");
    }

    @Test
    void quoteChanges_countOnlyChangedQuotesInTheLastSecond() {
        quality.onTick(tick(LONDON, 1.10000, 5), EURUSD);          // too old for the last second at +1500
        quality.onTick(tick(LONDON + 600, 1.10001, 5), EURUSD);
        quality.onTick(tick(LONDON + 700, 1.10001, 5), EURUSD);    // same quote (a deal-only tick): no change
        quality.onTick(tick(LONDON + 1400, 1.10002, 5), EURUSD);
        quality.onTick(tick(LONDON + 1500, 1.10003, 5), EURUSD);

        FilterInput in = quality.filterInput(tick(LONDON + 1500, 1.10003, 5), Side.BUY, EURUSD, 0);

        assertThat(in.getQuoteChangesLastSecond()).isEqualTo(3);
        assertThat(in.getQuoteChangesPerSecondAvg()).isCloseTo(4 / 2.0, within(1e-12)); // 4 changes over 2 seconds
    }

    @Test
    void quoteChangesPerSecondAvg_isOverTheLastMinute() {
        for (int s = 0; s < 120; s++) {
            quality.onTick(tick(LONDON + s * 1000L, 1.1 + (s % 2) * POINT, 5), EURUSD);
        }
        quality.onTick(tick(LONDON + 119_500, 1.1 + 5 * POINT, 5), EURUSD); // a 2nd change in the last second

        FilterInput in = quality.filterInput(tick(LONDON + 119_500, 1.1, 5), Side.BUY, EURUSD, 0);

        assertThat(in.getQuoteChangesPerSecondAvg()).isCloseTo(61 / 60.0, within(1e-12));
        assertThat(in.getQuoteChangesLastSecond()).isEqualTo(2);
    }

    @Test
    void fills_becomeSlippageSamples_positiveWhenWorseForUs() {
        quality.onTick(tick(LONDON, 1.10000, 7), EURUSD);
        quality.onSignalSent(signal("b1", Side.BUY, 1.10007), 0);
        quality.onFill(fill("b1", Side.BUY, 1.10010, 0.5), 120 * MS);     // bought 3 points above the ask
        quality.onTick(tick(LONDON + 1000, 1.10000, 5), EURUSD);
        quality.onSignalSent(signal("s1", Side.SELL, 1.10000), 200 * MS);
        quality.onFill(fill("s1", Side.SELL, 1.10002, 1.0), 290 * MS);    // sold 2 points above the bid: better

        FilterInput in = quality.filterInput(tick(LONDON + 2000, 1.1, 5), Side.BUY, EURUSD, 0);

        assertThat(in.getOwnFillsList()).hasSize(2);
        FillSlippage buy = in.getOwnFills(0);
        assertThat(buy.getSide()).isEqualTo(Side.BUY);
        assertThat(buy.getSlippagePoints()).isCloseTo(3.0, within(1e-6));
        assertThat(buy.getSpreadAtSendPoints()).isEqualTo(7.0);
        assertThat(buy.getVolumeLots()).isEqualTo(0.5);
        assertThat(in.getOwnFills(1).getSlippagePoints()).isCloseTo(-2.0, within(1e-6));
        assertThat(in.getOwnFills(1).getSpreadAtSendPoints()).isEqualTo(5.0);
    }

    @Test
    void partialFill_everyDealIsASlippageSample() {
        quality.onTick(tick(LONDON, 1.10000, 5), EURUSD);
        quality.onSignalSent(signal("b1", Side.BUY, 1.10005), 0);
        quality.onFill(fill("b1", Side.BUY, 1.10005, 0.3), 100 * MS);
        quality.onFill(fill("b1", Side.BUY, 1.10006, 0.2), 150 * MS);

        FilterInput in = quality.filterInput(tick(LONDON + 1, 1.1, 5), Side.BUY, EURUSD, 0);

        assertThat(in.getOwnFillsList()).extracting(FillSlippage::getVolumeLots).containsExactly(0.3, 0.2);
    }

    @Test
    void closingFillsAndUnknownSignals_areNotSamples() {
        quality.onTick(tick(LONDON, 1.10000, 5), EURUSD);
        quality.onSignalSent(signal("b1", Side.BUY, 1.10005), 0);
        quality.onFill(fill("b1", Side.SELL, 1.10100, 0.5).toBuilder().setEntry(DealEntry.ENTRY_OUT).build(), 10 * MS);
        quality.onFill(fill("manual", Side.BUY, 1.10100, 0.5), 10 * MS);
        quality.onFill(fill("", Side.BUY, 1.10100, 0.5), 10 * MS);

        FilterInput in = quality.filterInput(tick(LONDON + 1, 1.1, 5), Side.BUY, EURUSD, 0);

        assertThat(in.getOwnFillsList()).isEmpty();
    }

    @Test
    void reject_answersTheSignal_soItNeverCountsAsUnanswered() {
        ExecutionQuality unanswered = new ExecutionQuality(ExecutionQualityConfig.defaults(),
                new SessionClock(ServerClock.NY_CLOSE));
        for (ExecutionQuality q : new ExecutionQuality[] {quality, unanswered}) {
            q.onSignalSent(signal("b1", Side.BUY, 1.1), 0);
        }
        quality.onReject(Reject.newBuilder().setSignalKey("b1").setRetcode(10019).build(), 250 * MS);

        assertThat(quality.pauseReason(600 * MS)).isEmpty();
        assertThat(unanswered.pauseReason(600 * MS)).contains("latency: a signal unanswered for over 400 ms");
        assertThat(quality.filterInput(tick(LONDON, 1.1, 5), Side.BUY, EURUSD, 0).getOwnFillsList()).isEmpty();
    }

    @Test
    void filterInput_forAnUnseenSymbol_hasOnlyTheTicksOwnNumbers() {
        FilterInput in = quality.filterInput(tick(LONDON, 1.1, 5), Side.BUY, EURUSD, 3);

        assertThat(in.getSpreadPoints()).isEqualTo(5.0);
        assertThat(in.getRecentSpreadsPointsList()).isEmpty();
        assertThat(in.getOwnFillsList()).isEmpty();
    }

    @Test
    void sameCalls_sameInputs() {
        ExecutionQuality other = new ExecutionQuality(ExecutionQualityConfig.defaults(),
                new SessionClock(ServerClock.NY_CLOSE));
        for (ExecutionQuality q : new ExecutionQuality[] {quality, other}) {
            q.onTick(tick(LONDON, 1.10000, 7), EURUSD);
            q.onSignalSent(signal("b1", Side.BUY, 1.10007), 0);
            q.onFill(fill("b1", Side.BUY, 1.10010, 0.5), 120 * MS);
        }

        assertThat(other.filterInput(tick(LONDON + 5, 1.1, 6), Side.SELL, EURUSD, 4))
                .isEqualTo(quality.filterInput(tick(LONDON + 5, 1.1, 6), Side.SELL, EURUSD, 4));
    }
}
