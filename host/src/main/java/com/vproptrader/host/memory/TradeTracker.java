package com.vproptrader.host.memory;

import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows each position from its signal to its last fill and hands back the {@link ClosedTrade} when its exit
 * fills add up to its entry volume. Fed the journal's hello, entry and fill rows in order — live by the event
 * loop, and again by the {@link JournalIndexer} when the long-term store is rebuilt — so both see the same
 * trades.
 *
 * <p>A position opened without a known signal (by hand, or by a signal older than the tracker's memory) is
 * recorded as alpha "manual" with regime and session "UNKNOWN" and no stop. A position the terminal already
 * held at hello is adopted with its snapshot's volume, price, time and commission. Positions closed while the
 * terminal was disconnected produce no fill and so no closed trade.
 */
public final class TradeTracker {
    public static final String MANUAL = "manual";
    public static final String UNKNOWN = "UNKNOWN";
    /** Signals that never fill (expired, rejected) are forgotten once this many newer ones were sent. */
    private static final int MAX_UNFILLED_SIGNALS = 256;
    /** Lots are multiples of a volume step of at least 0.01: sums within this are equal. */
    private static final double VOLUME_EPSILON = 1e-9;

    private final Map<String, EntryContext> bySignal = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EntryContext> eldest) {
            return size() > MAX_UNFILLED_SIGNALS;
        }
    };
    private final Map<Long, Open> open = new HashMap<>();
    /** The positions the terminal held at its last hello: their snapshot already holds every deal before it. */
    private final Set<Long> heldAtHello = new HashSet<>();

    /** A signal was sent: remember what was known when it was decided. */
    public void onSignal(EntryContext entry) {
        bySignal.put(entry.signal().getSignalKey(), entry);
    }

    /**
     * The terminal's snapshot at (re)connect: positions it no longer holds are forgotten (closed while the link
     * was down: no fill will come), positions it holds that are not followed yet are adopted.
     */
    public void onHello(List<Position> snapshot) {
        Set<Long> held = new HashSet<>();
        for (Position p : snapshot) {
            held.add(p.getTicket());
            open.computeIfAbsent(p.getTicket(), id -> Open.adopted(bySignal.remove(p.getSignalKey()), p));
        }
        open.keySet().retainAll(held);
        heldAtHello.clear();
        heldAtHello.addAll(held);
    }

    /**
     * A deal recovered from the terminal's history at hello (journaled after the hello's positions): a deal of a
     * position the snapshot held is in that snapshot already and is skipped; any other (a position opened and
     * closed while the host could not hear it) is followed like a live fill.
     */
    public Optional<ClosedTrade> onRecoveredFill(Fill fill) {
        return heldAtHello.contains(fill.getPositionId()) ? Optional.empty() : onFill(fill);
    }

    /** A fill arrived; returns the closed trade when its exits now add up to its entries. */
    public Optional<ClosedTrade> onFill(Fill fill) {
        Open o = open.computeIfAbsent(fill.getPositionId(), id -> new Open(bySignal.remove(fill.getSignalKey()), fill));
        o.add(fill);
        if (fill.getEntry() == DealEntry.ENTRY_IN || o.outVolume < o.inVolume - VOLUME_EPSILON) {
            return Optional.empty();
        }
        open.remove(fill.getPositionId());
        return Optional.of(o.close(fill));
    }

    /** Positions being followed (for tests and the admin view). */
    public int openCount() {
        return open.size();
    }

    private static final class Open {
        final EntryContext entry;
        final Side side;
        final String symbol;
        long openTimeMsc;
        String signalKey;
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
            this.signalKey = entry == null ? first.getSignalKey() : entry.signal().getSignalKey();
        }

        static Open adopted(EntryContext entry, Position p) {
            Open o = new Open(entry, Fill.newBuilder().setSymbol(p.getSymbol()).setSide(p.getSide())
                    .setEntry(DealEntry.ENTRY_IN).setTimeMsc(p.getOpenTimeMsc()).build());
            o.signalKey = p.getSignalKey();
            o.inVolume = p.getVolume();
            o.inNotional = p.getVolume() * p.getOpenPrice();
            o.pnl = Money.of(p.getCommission(), RoundingMode.HALF_EVEN);
            return o;
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
                    known ? entry.session() : UNKNOWN, symbol, side, Math.max(inVolume, outVolume),
                    inVolume > 0 ? inNotional / inVolume : 0, outNotional / outVolume,
                    openTimeMsc, last.getTimeMsc(), pnl, known ? entry.riskAtStop() : Money.ZERO, last.getReason());
        }

        private static Side opposite(Side s) {
            return s == Side.BUY ? Side.SELL : s == Side.SELL ? Side.BUY : s;
        }
    }
}
