package com.vproptrader.host.exec;

import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.Tick;

/** The symbol's point (10^-digits of price, or its tick size when it reports 0 digits) and spreads in it. */
final class Points {
    private Points() {
    }

    static double size(SymbolSpec spec) {
        return spec.getDigits() > 0 ? Math.pow(10, -spec.getDigits()) : spec.getTickSize();
    }

    /** Spread in points to 0.1: float noise in ask - bid must not make equal spreads look different. */
    static double spread(Tick tick, double point) {
        return Math.round((tick.getAsk() - tick.getBid()) / point * 10) / 10.0;
    }
}
