package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Side;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows each position from its signal to its last fill and hands back the {@link ClosedTrade} when it is
 * gone. The account book owns position volumes and says when a position is gone; this class only adds up
 * prices and money. Runs on the event loop.
 *
 * <p>A position opened without a known signal (by hand, or by a signal older than the tracker's memory) is
 * recorded as alpha "manual" with regime and session "UNKNOWN" and no stop. Positions closed while the
 * terminal was disconnected produce no fill and so no closed trade.
 */
public final class TradeTracker {
    public static final String MANUAL = "manual";
    public static final String UNKNOWN = "UNKNOWN";
    /** Signals that never fill (expired, rejected) are forgotten once this many newer ones were sent. */
    private static final int MAX_UNFILLED_SIGNALS = 256;

    private final Map<String, EntryContext> bySignal = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EntryContext> eldest) {
            return size() > MAX_UNFILLED_SIGNALS;
        }
    };
    private final Map<Long, Open> open = new HashMap<>();

    /** A signal was sent: remember what was known when it was decided. */
    public void onSignal(EntryContext entry) {
        bySignal.put(entry.signal().getSignalKey(), entry);
    }

    /** The entry context of an open position, if it came from a known signal. */
    public Optional<EntryContext> entryOf(long positionId) {
        Open o = open.get(positionId);
        return o == null ? Optional.empty() : Optional.ofNullable(o.entry);
    }

    /**
     * A fill arrived; {@code positionGone} is whether the account book no longer holds its position after it.
     * Returns the closed trade when this fill closed the position.
     */
    public Optional<ClosedTrade> onFill(Fill fill, boolean positionGone) {
        Open o = open.computeIfAbsent(fill.getPositionId(), id -> new Open(bySignal.remove(fill.getSignalKey()), fill));
        o.add(fill);
        if (fill.getEntry() == DealEntry.ENTRY_IN || !positionGone) {
            return Optional.empty();
        }
        open.remove(fill.getPositionId());
        return Optional.of(o.close(fill));
    }

    /** Forgets positions the terminal no longer holds (closed while the link was down: no fill will come). */
    public void retainOpen(java.util.Set<Long> openTickets) {
        open.keySet().retainAll(openTickets);
    }

    /** Positions being followed (for tests and the admin view). */
    public int openCount() {
        return open.size();
    }

    private static final class Open {
        final EntryContext entry;
        final Side side;
        final String symbol;
        final long openTimeMsc;
        final String signalKey;
        double inVolume;
        double inNotional;
        double outVolume;
        double outNotional;
        Money pnl = Money.ZERO;

        Open(EntryContext entry, Fill first) {
            this.entry = entry;
            this.symbol = first.getSymbol();
            // An exit fill's side is the opposite of the position's.
            this.side = first.getEntry() == DealEntry.ENTRY_IN ? first.getSide() : opposite(first.getSide());
            this.openTimeMsc = first.getTimeMsc();
            this.signalKey = entry == null ? "" : entry.signal().getSignalKey();
        }

        void add(Fill f) {
            if (f.getEntry() == DealEntry.ENTRY_IN) {
                inVolume += f.getVolume();
                inNotional += f.getVolume() * f.getPrice();
            } else {
                outVolume += f.getVolume();
                outNotional += f.getVolume() * f.getPrice();
            }
            // MT5 reports each amount to the cent; reading the double's shortest decimal form keeps it exact.
            pnl = pnl.plus(Money.of(f.getProfit(), RoundingMode.HALF_EVEN))
                    .plus(Money.of(f.getCommission(), RoundingMode.HALF_EVEN))
                    .plus(Money.of(f.getSwap(), RoundingMode.HALF_EVEN));
        }

        ClosedTrade close(Fill last) {
            boolean known = entry != null;
            return new ClosedTrade(last.getPositionId(), signalKey, known ? entry.alphaId() : MANUAL,
                    known ? entry.alphaVersion() : "", known ? entry.regime() : UNKNOWN,
                    known ? entry.session() : UNKNOWN, symbol, side, inVolume,
                    inVolume > 0 ? inNotional / inVolume : Double.NaN, outVolume > 0 ? outNotional / outVolume : Double.NaN,
                    openTimeMsc, last.getTimeMsc(), pnl, known ? entry.riskAtStop() : Money.ZERO, last.getReason());
        }

        private static Side opposite(Side s) {
            return s == Side.BUY ? Side.SELL : s == Side.SELL ? Side.BUY : s;
        }
    }
}
