package com.vproptrader.marketdata.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.Timeframe;
import org.junit.jupiter.api.Test;

class TickValidatorTest {
    private final TickValidator validator = new TickValidator(ValidationConfig.defaults());

    static Tick tick(String symbol, long time, double bid, double ask) {
        return Tick.newBuilder().setSymbol(symbol).setTimeMsc(time).setBid(bid).setAsk(ask).build();
    }

    @Test
    void validate_whenPricesAreBroken_thenRejectsWithTheirReason() {
        assertThat(validator.validate(tick("EURUSD", 1, Double.NaN, 1.1))).isEqualTo(TickRejection.NON_FINITE_PRICE);
        assertThat(validator.validate(tick("EURUSD", 1, 1.1, Double.POSITIVE_INFINITY)))
                .isEqualTo(TickRejection.NON_FINITE_PRICE);
        assertThat(validator.validate(tick("EURUSD", 1, 0, 1.1))).isEqualTo(TickRejection.NON_POSITIVE_PRICE);
        assertThat(validator.validate(tick("EURUSD", 1, -1, 1.1))).isEqualTo(TickRejection.NON_POSITIVE_PRICE);
        assertThat(validator.validate(tick("EURUSD", 1, 1.1002, 1.1001))).isEqualTo(TickRejection.CROSSED_QUOTE);
    }

    @Test
    void validate_whenTimeGoesBackOrRepeats_thenRejectsOutOfOrderAndDuplicate() {
        assertThat(validator.validate(tick("EURUSD", 1000, 1.1000, 1.1001))).isNull();
        assertThat(validator.validate(tick("EURUSD", 999, 1.1000, 1.1001))).isEqualTo(TickRejection.OUT_OF_ORDER);
        assertThat(validator.validate(tick("EURUSD", 1000, 1.1000, 1.1001))).isEqualTo(TickRejection.DUPLICATE);
        // same millisecond, new price: MT5 does this, it is a real tick
        assertThat(validator.validate(tick("EURUSD", 1000, 1.1001, 1.1002))).isNull();
        // another symbol has its own clock
        assertThat(validator.validate(tick("GBPUSD", 500, 1.25, 1.2501))).isNull();
    }

    @Test
    void validate_whenMidJumpsBeyondKSigma_thenRejectsUntilTheLevelPersists() {
        TickValidator v = new TickValidator(new ValidationConfig(10, 100, 50, 0.0005, 3));
        double bid = 1.1000;
        for (int i = 0; i < 200; i++) {
            bid += (i % 2 == 0 ? 1 : -1) * 0.00002;
            assertThat(v.validate(tick("EURUSD", i * 100L, bid, bid + 0.0001))).isNull();
        }
        // a 1% print after +-2e-5 noise is a bad print
        assertThat(v.validate(tick("EURUSD", 20_000, bid * 1.01, bid * 1.01 + 0.0001)))
                .isEqualTo(TickRejection.ABSURD_JUMP);
        // the reference did not move: the normal next tick passes
        assertThat(v.validate(tick("EURUSD", 20_100, bid, bid + 0.0001))).isNull();
        // a level that persists (3 in a row) is accepted as the market
        assertThat(v.validate(tick("EURUSD", 20_200, bid * 1.02, bid * 1.02 + 0.0001))).isEqualTo(TickRejection.ABSURD_JUMP);
        assertThat(v.validate(tick("EURUSD", 20_300, bid * 1.02, bid * 1.02 + 0.0002))).isEqualTo(TickRejection.ABSURD_JUMP);
        assertThat(v.validate(tick("EURUSD", 20_400, bid * 1.02, bid * 1.02 + 0.0001))).isNull();
        assertThat(v.validate(tick("EURUSD", 20_500, bid * 1.02, bid * 1.02 + 0.0002))).isNull();
    }

    @Test
    void validate_afterAWeekendSilence_aGapOpeningIsAcceptedButAnAbsurdPrintIsNot() {
        TickValidator v = new TickValidator(new ValidationConfig(12, 100, 50, 0.0005, 3));
        double bid = 1.1;
        for (int i = 0; i < 200; i++) {
            bid += (i % 2 == 0 ? 1 : -1) * 0.00002;
            v.validate(tick("EURUSD", i * 1000L, bid, bid + 0.0001));
        }
        long monday = 200_000L + 2 * 86_400_000L;
        assertThat(v.validate(tick("EURUSD", monday, bid * 1.5, bid * 1.5 + 0.0001))).isEqualTo(TickRejection.ABSURD_JUMP);
        assertThat(v.validate(tick("EURUSD", monday + 1, bid * 1.01, bid * 1.01 + 0.0001))).isNull();
    }

    @Test
    void validate_whenJumpSigmasIsWide_thenTheSameMoveIsAccepted() {
        TickValidator v = new TickValidator(new ValidationConfig(1e6, 100, 50, 0.0005, 3));
        double bid = 1.1;
        for (int i = 0; i < 100; i++) {
            bid += (i % 2 == 0 ? 1 : -1) * 0.00002;
            v.validate(tick("EURUSD", i, bid, bid + 0.0001));
        }
        assertThat(v.validate(tick("EURUSD", 1000, bid * 1.01, bid * 1.01 + 0.0001))).isNull();
    }

    @Test
    void aGenuineFivePercentTickOfAVolatileSymbol_passesWithItsOwnLimit_whileTheSameMoveOfEurusdIsRefused()
            throws Exception {
        ValidationConfig config = ValidationConfigFile.parse(
                "{\"symbols\": {\"BTCUSD\": {\"jumpSigmas\": 40, \"minJumpReturn\": 0.08}}}", "test");
        TickValidator v = new TickValidator(config);
        double eurusd = 1.1;
        double btc = 40_000;
        for (int i = 0; i < 200; i++) {
            int sign = i % 2 == 0 ? 1 : -1;
            eurusd += sign * 0.00002;
            btc += sign * 8;
            assertThat(v.validate(tick("EURUSD", i * 1000L, eurusd, eurusd + 0.0001))).isNull();
            assertThat(v.validate(tick("BTCUSD", i * 1000L, btc, btc + 10))).isNull();
        }
        assertThat(v.validate(tick("BTCUSD", 200_000, btc * 1.05, btc * 1.05 + 10))).isNull();
        assertThat(v.validate(tick("EURUSD", 200_000, eurusd * 1.05, eurusd * 1.05 + 0.0001)))
                .isEqualTo(TickRejection.ABSURD_JUMP);
        assertThat(v.validate(tick("BTCUSD", 201_000, btc * 1.20, btc * 1.20 + 10))).as("still an absurd print")
                .isEqualTo(TickRejection.ABSURD_JUMP);
    }

    @Test
    void aValidationFileWithATypo_isRefusedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationConfigFile.parse(
                        "{\"symbols\": {\"BTCUSD\": {\"jumpSigma\": 40}}}", "v.json"))
                .hasMessageContaining("v.json: symbols.BTCUSD: unknown field 'jumpSigma'");
    }

    @Test
    void snapshot_countsPerSymbolAndReason_andIsImmutable() {
        validator.validate(tick("EURUSD", 1, 1.1, 1.1001));
        validator.validate(tick("EURUSD", 1, 1.1, 1.1001));
        validator.validate(tick("EURUSD", 0, 1.1, 1.1001));
        validator.validate(tick("XAUUSD", 1, 0, 2000));
        FeedQualitySnapshot snap = validator.snapshot();
        validator.validate(tick("EURUSD", 0, 1.1, 1.1001));

        assertThat(snap.count("EURUSD", TickRejection.DUPLICATE)).isEqualTo(1);
        assertThat(snap.count("EURUSD", TickRejection.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(snap.count("XAUUSD", TickRejection.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(snap.accepted()).containsEntry("EURUSD", 1L).containsEntry("XAUUSD", 0L);
        assertThat(snap.totalRejections()).isEqualTo(3);
        assertThat(validator.snapshot().count("EURUSD", TickRejection.OUT_OF_ORDER)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> snap.rejections().get("EURUSD")
                .put(TickRejection.DUPLICATE, 5L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validateBar_whenHighBelowCloseOrRepeated_thenRejected() {
        Bar ok = Bar.newBuilder().setSymbol("X").setTimeframe(Timeframe.M1).setOpenTimeMsc(60_000)
                .setOpen(1).setHigh(2).setLow(0.5).setClose(1.5).build();
        assertThat(validator.validate(ok)).isNull();
        assertThat(validator.validate(ok)).isEqualTo(TickRejection.DUPLICATE);
        assertThat(validator.validate(ok.toBuilder().setOpenTimeMsc(0).build())).isEqualTo(TickRejection.OUT_OF_ORDER);
        assertThat(validator.validate(ok.toBuilder().setOpenTimeMsc(120_000).setHigh(1.2).build()))
                .isEqualTo(TickRejection.INCONSISTENT_BAR);
        // other timeframe: its own watermark
        assertThat(validator.validate(ok.toBuilder().setTimeframe(Timeframe.M5).setOpenTimeMsc(0).build())).isNull();
    }
}
