package com.vproptrader.host.memory;

import com.vproptrader.proto.JournalRecord;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.risk.Money;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;

import java.util.Map;

/** Writes what the loop journals for a trade (entry row, entry fill, exit fills), for the store's tests. */
final class JournaledTrades {
    private final Journal journal;

    JournaledTrades(Journal journal) {
        this.journal = journal;
        journal.append(0, "", JournalRecord.newBuilder().setHello(Hello.newBuilder().setAccountId("a")).build());
    }

    /** A 1-lot buy decided at {@code t} at 1.1000 with SL 1.0980, TP1 1.1030, TP2 1.1048; exits as given. */
    void buy(long position, long t, Map<String, Double> features, Exit... exits) {
        String key = "EURUSD-" + t + "-" + position;
        Signal signal = Signal.newBuilder().setSignalKey(key).setSymbol("EURUSD").setSide(Side.BUY).setVolume(1)
                .setReferencePrice(1.1).setSl(1.098).setTp1(1.103).setTp2(1.1048).setAlpha("alpha-momentum@1.0.0")
                .setDecidedOnTickMsc(t).build();
        journal.append(t, "EURUSD", JournalRecord.newBuilder().setEntry(EntryRecords.of(new EntryContext(signal,
                "TREND_LOW_VOL", "LONDON", Money.ofCents(20_000), "ftmo-2step", "ACTIVE", features))).build());
        journal.append(t + 100, "EURUSD", JournalRecord.newBuilder().setFill(Fill.newBuilder().setDeal(position * 10).setPositionId(position)
                .setSymbol("EURUSD").setSide(Side.BUY).setEntry(DealEntry.ENTRY_IN).setVolume(1).setPrice(1.1)
                .setTimeMsc(t + 100).setSignalKey(key).setReason("signal")).build());
        int i = 1;
        for (Exit e : exits) {
            long at = t + 60_000L * i;
            journal.append(at, "EURUSD", JournalRecord.newBuilder().setFill(Fill.newBuilder().setDeal(position * 10 + i).setPositionId(position)
                    .setSymbol("EURUSD").setSide(Side.SELL).setEntry(DealEntry.ENTRY_OUT).setVolume(e.volume())
                    .setPrice(e.price()).setProfit(Math.round((e.price() - 1.1) * 100_000 * e.volume() * 100) / 100.0)
                    .setTimeMsc(at).setSignalKey(key).setReason(e.reason())).build());
            i++;
        }
    }

    record Exit(double volume, double price, String reason) {
    }
}
