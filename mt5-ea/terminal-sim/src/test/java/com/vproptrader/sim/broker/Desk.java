package com.vproptrader.sim.broker;

import com.vproptrader.proto.Close;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Signal;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A broker under test with a server clock the test moves, and short ways to send ticks and commands. */
final class Desk {
    final SimBroker broker;
    long time;
    private int keys;

    Desk(BrokerConfig cfg, LocalDateTime serverTime) {
        this.broker = new SimBroker(cfg);
        this.time = serverTime.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Tuesday 2 January 2024, 10:00 server time. */
    static LocalDateTime tuesday() {
        return LocalDateTime.of(2024, 1, 2, 10, 0);
    }

    static long msc(LocalDateTime serverTime) {
        return serverTime.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    List<TerminalEvent> tick(String symbol, double bid, double ask) {
        time += 100;
        return tickAt(time, symbol, bid, ask);
    }

    List<TerminalEvent> tickAt(long timeMsc, String symbol, double bid, double ask) {
        time = timeMsc;
        return broker.onTick(Tick.newBuilder().setSymbol(symbol).setTimeMsc(timeMsc).setBid(bid).setAsk(ask).setFlags(6).build());
    }

    List<TerminalEvent> tickAt(LocalDateTime serverTime, String symbol, double bid, double ask) {
        return tickAt(msc(serverTime), symbol, bid, ask);
    }

    Signal.Builder signal(String symbol, Side side, double volume) {
        return Signal.newBuilder().setSignalKey("k" + ++keys).setSymbol(symbol).setSide(side).setVolume(volume);
    }

    List<TerminalEvent> send(Signal.Builder s) {
        return broker.onCommand(HostCommand.newBuilder().setSignal(s).build());
    }

    List<TerminalEvent> close(long ticket, double volume) {
        return broker.onCommand(HostCommand.newBuilder().setClose(Close.newBuilder().setTicket(ticket).setVolume(volume)).build());
    }

    /** The one fill in {@code events}. */
    static Fill fill(List<TerminalEvent> events) {
        List<Fill> fills = fills(events);
        if (fills.size() != 1) throw new AssertionError("expected one fill, got " + events);
        return fills.get(0);
    }

    static List<Fill> fills(List<TerminalEvent> events) {
        List<Fill> fills = new ArrayList<>();
        events.stream().filter(TerminalEvent::hasFill).forEach(e -> fills.add(e.getFill()));
        return fills;
    }

    static Position lastPosition(List<TerminalEvent> events) {
        Position p = null;
        for (TerminalEvent e : events) {
            if (e.hasPosition()) p = e.getPosition();
        }
        if (p == null) throw new AssertionError("no position frame in " + events);
        return p;
    }

    static int retcode(List<TerminalEvent> events) {
        if (events.size() != 1 || !events.get(0).hasReject()) throw new AssertionError("expected one reject, got " + events);
        return events.get(0).getReject().getRetcode();
    }
}
