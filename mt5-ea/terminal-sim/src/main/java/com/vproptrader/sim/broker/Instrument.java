package com.vproptrader.sim.broker;

import com.vproptrader.proto.SymbolSpec;
import java.util.Objects;

/**
 * A tradable symbol: its MT5 properties plus the two currencies that make money conversions possible.
 *
 * @param spec          the SymbolSpec reported in hello; {@code tickValue} there is the value at a reference
 *                      price, used only while no conversion rate is known
 * @param baseCurrency  what one unit of the contract is (EUR in EURUSD, XAU in XAUUSD); "" = unknown
 * @param quoteCurrency the currency prices and profits are in (USD in EURUSD, JPY in USDJPY);
 *                      "" = unknown: then {@code spec.tickValue} is taken as fixed
 */
public record Instrument(SymbolSpec spec, String baseCurrency, String quoteCurrency) {
    public Instrument {
        Objects.requireNonNull(spec, "spec");
        baseCurrency = baseCurrency == null ? "" : baseCurrency;
        quoteCurrency = quoteCurrency == null ? "" : quoteCurrency;
        if (spec.getSymbol().isEmpty()) throw new IllegalArgumentException("symbol is empty");
        if (spec.getContractSize() <= 0 || spec.getTickSize() <= 0 || spec.getTickValue() <= 0) {
            throw new IllegalArgumentException(spec.getSymbol() + ": contractSize, tickSize and tickValue must be > 0");
        }
        if (spec.getVolumeMin() <= 0 || spec.getVolumeStep() <= 0 || spec.getVolumeMax() < spec.getVolumeMin()) {
            throw new IllegalArgumentException(spec.getSymbol() + ": need 0 < volumeMin <= volumeMax and volumeStep > 0");
        }
    }

    /** An instrument whose tick value never changes (no currencies known). */
    public static Instrument fixed(SymbolSpec spec) {
        return new Instrument(spec, "", "");
    }

    public String symbol() {
        return spec.getSymbol();
    }

    /** 1 point = 10^-digits, the unit of stops level and slippage. */
    public double point() {
        return Math.pow(10, -spec.getDigits());
    }

    /** Rounds a price to the symbol's digits. */
    public double roundPrice(double price) {
        double scale = Math.pow(10, spec.getDigits());
        return Math.round(price * scale) / scale;
    }

    /**
     * Account money per unit of quote currency. From a live rate when one is known, otherwise implied by the
     * spec's reference tick value (so a spec without currencies keeps its tick value for ever).
     */
    double quoteToAccount(Quotes quotes, String accountCurrency) {
        if (!quoteCurrency.isEmpty()) {
            double rate = quotes.rate(quoteCurrency, accountCurrency);
            if (!Double.isNaN(rate)) {
                return rate;
            }
        }
        return spec.getTickValue() / (spec.getTickSize() * spec.getContractSize());
    }

    /** Money (account currency) per tick_size move on one lot, at current prices. */
    double tickValue(Quotes quotes, String accountCurrency) {
        if (quoteCurrency.isEmpty() || quoteCurrency.equals(accountCurrency)) {
            return spec.getTickValue();
        }
        return spec.getTickSize() * spec.getContractSize() * quoteToAccount(quotes, accountCurrency);
    }
}
