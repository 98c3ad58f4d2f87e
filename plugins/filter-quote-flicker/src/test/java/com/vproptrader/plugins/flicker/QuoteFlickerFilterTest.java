package com.vproptrader.plugins.flicker;

import static org.assertj.core.api.Assertions.assertThat;

import com.vproptrader.proto.FilterInput;
import com.vproptrader.proto.FilterVerdict;
import org.junit.jupiter.api.Test;

class QuoteFlickerFilterTest {
    private final QuoteFlickerFilter filter = new QuoteFlickerFilter();

    private static FilterInput quotes(int lastSecond, double minuteMean) {
        return FilterInput.newBuilder().setQuoteChangesLastSecond(lastSecond)
                .setQuoteChangesPerSecondAvg(minuteMean).build();
    }

    @Test
    void ordinaryActivity_passes() {
        FilterVerdict v = filter.check(quotes(5, 4.2));

        assertThat(v.getPass()).isTrue();
        assertThat(v.getReason()).isEqualTo("ok: quote changes 5/s, minute mean 4.2/s");
    }

    @Test
    void aboveTheAbsoluteMaximum_isSkipped() {
        FilterVerdict v = filter.check(quotes(22, 14));

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("quote changes 22/s > max 15/s");
    }

    @Test
    void burstOnAQuietSymbol_isSkipped() {
        FilterVerdict v = filter.check(quotes(9, 1.2));

        assertThat(v.getPass()).isFalse();
        assertThat(v.getReason()).isEqualTo("quote changes 9/s > 4.0x minute mean 1.2/s");
    }

    @Test
    void smallBurstAfterSilence_isBelowTheFloor() {
        assertThat(filter.check(quotes(5, 0)).getPass()).isTrue();
    }

    @Test
    void busyButSteady_passes() {
        assertThat(filter.check(quotes(12, 10)).getPass()).isTrue();
    }

    @Test
    void noActivityKnown_passes() {
        assertThat(filter.check(FilterInput.getDefaultInstance()).getPass()).isTrue();
    }
}
