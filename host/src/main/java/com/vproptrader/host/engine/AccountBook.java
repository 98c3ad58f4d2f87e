package com.vproptrader.host.engine;

import com.vproptrader.proto.Account;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.EquityPoint;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.PositionView;
import com.vproptrader.host.risk.Money;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account as the terminal last reported it: balance/equity, open positions, an equity series and
 * the loop's counters. Owned by the event-loop thread; others get copies through {@link AccountEngine}.
 */
final class AccountBook {
    private static final int MAX_EQUITY_POINTS = 5000;

    Account account = Account.getDefaultInstance();
    final Map<Long, Position> positions = new LinkedHashMap<>();
    final List<EquityPoint> equity = new ArrayList<>();
    final Counters.Builder counters = Counters.newBuilder();
    final VetoTally vetoes = new VetoTally();

    /** The open positions as a reader sees them: their money in exact cents. */
    List<PositionView> positionViews() {
        List<PositionView> out = new ArrayList<>(positions.size());
        for (Position p : positions.values()) {
            long profit = cents(p.getProfit());
            long swap = cents(p.getSwap());
            long commission = cents(p.getCommission());
            out.add(PositionView.newBuilder().setPosition(p).setProfitCents(profit).setSwapCents(swap)
                    .setCommissionCents(commission).setNetCents(profit + swap + commission).build());
        }
        return out;
    }

    /** A terminal's money figure (a double with at most cents in it) as whole cents, rounded once half-even. */
    static long cents(double money) {
        return Money.of(money, RoundingMode.HALF_EVEN).cents();
    }

    void replacePositions(List<Position> snapshot) {
        positions.clear();
        snapshot.forEach(p -> positions.put(p.getTicket(), p));
    }

    void onAccount(Account a) {
        account = a;
        EquityPoint point = EquityPoint.newBuilder().setTimeMsc(a.getServerTimeMsc())
                .setBalance(a.getBalance()).setEquity(a.getEquity())
                .setBalanceCents(cents(a.getBalance())).setEquityCents(cents(a.getEquity())).build();
        if (!equity.isEmpty() && equity.get(equity.size() - 1).getTimeMsc() == point.getTimeMsc()) {
            equity.set(equity.size() - 1, point);
        } else {
            equity.add(point);
        }
        if (equity.size() > MAX_EQUITY_POINTS) {
            thin();
        }
    }

    /** Keeps the series bounded: drop every other point of the older half. */
    private void thin() {
        int half = equity.size() / 2;
        List<EquityPoint> kept = new ArrayList<>(equity.size());
        for (int i = 0; i < half; i += 2) {
            kept.add(equity.get(i));
        }
        kept.addAll(equity.subList(half, equity.size()));
        equity.clear();
        equity.addAll(kept);
    }

    void onFill(Fill fill) {
        counters.setFills(counters.getFills() + 1);
        if (fill.getEntry() == DealEntry.ENTRY_IN) {
            Position existing = positions.get(fill.getPositionId());
            double volume = fill.getVolume() + (existing == null ? 0 : existing.getVolume());
            positions.put(fill.getPositionId(), Position.newBuilder()
                    .setTicket(fill.getPositionId()).setSymbol(fill.getSymbol()).setSide(fill.getSide())
                    .setVolume(volume).setOpenPrice(fill.getPrice()).setOpenTimeMsc(fill.getTimeMsc())
                    .setSignalKey(fill.getSignalKey()).setCommission(fill.getCommission()).build());
        } else {
            Position existing = positions.get(fill.getPositionId());
            if (existing != null) {
                double left = existing.getVolume() - fill.getVolume();
                if (left <= 1e-9) {
                    positions.remove(fill.getPositionId());
                } else {
                    positions.put(existing.getTicket(), existing.toBuilder().setVolume(left).build());
                }
            }
        }
    }

    boolean hasPosition(String symbol) {
        return positions.values().stream().anyMatch(p -> p.getSymbol().equals(symbol));
    }
}
