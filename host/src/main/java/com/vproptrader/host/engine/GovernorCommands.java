package com.vproptrader.host.engine;

import com.vproptrader.host.govern.DayAnchor;
import com.vproptrader.host.govern.EngineState;
import com.vproptrader.host.govern.EngineStatus;
import com.vproptrader.host.govern.MarketAction;
import com.vproptrader.host.govern.order.AccountView;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.time.ServerClock;
import com.vproptrader.proto.Close;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.Halt;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.Resume;

import java.util.HashSet;
import java.util.Set;

/**
 * What the governors' decisions send and journal: the closes they demand (each once), the halt or resume the
 * EA must hear, and each trading day's reset. Loop thread only.
 */
final class GovernorCommands {
    private final Journal journal;
    private final TerminalChannel terminal;
    private final ServerClock server;
    /** Positions we asked the terminal to close and whose close has not come back yet. */
    private final Set<Long> closing = new HashSet<>();
    /** Start of the governors' trading day last seen (broker server time); MIN before the first. */
    private long dayStartMsc = Long.MIN_VALUE;

    GovernorCommands(Journal journal, TerminalChannel terminal, ServerClock server) {
        this.journal = journal;
        this.terminal = terminal;
        this.server = server;
    }

    /**
     * The governors look at the account before anything else on a tick: what they demand is carried out, a new
     * trading day journaled, and a halt or resume told to the EA.
     */
    void onMarket(PropFirmRules rules, AccountView view, Set<Long> openTickets, long serverTimeMsc) {
        EngineState before = rules.governance().status().state();
        act(rules.onMarket(view, serverTimeMsc), openTickets, serverTimeMsc);
        journalDayReset(rules.governance().day(), serverTimeMsc);
        tellTerminalIfStateChanged(before, rules.governance().status());
    }

    /** Carries out what the governors demand (closes before news or breaks, reduce, flatten) exactly once each. */
    private void act(MarketAction action, Set<Long> openTickets, long serverTimeMsc) {
        closing.retainAll(openTickets);
        if (action.kind() == MarketAction.Kind.NONE || action.kind() == MarketAction.Kind.HALT) {
            return;
        }
        for (long ticket : action.tickets()) {
            if (closing.add(ticket)) {
                Close close = Close.newBuilder().setTicket(ticket)
                        .setReason(action.reason() + ": " + action.detail()).build();
                journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setClose(close).build());
                terminal.send(HostCommand.newBuilder().setClose(close));
            }
        }
    }

    /** The EA blocks orders itself while halted: tell it when our engine halts or resumes. */
    private void tellTerminalIfStateChanged(EngineState before, EngineStatus now) {
        if (now.state() == before) {
            return;
        }
        String why = now.reason() + ": " + now.detail();
        if (now.state() == EngineState.HALTED) {
            terminal.send(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason(why)));
        } else if (before == EngineState.HALTED) {
            terminal.send(HostCommand.newBuilder().setResume(Resume.newBuilder().setReason(why)));
        }
    }

    /** A reconnecting or reinstalled EA hears the host's halt again, whatever its own flag says. */
    void repeatHalt(EngineStatus status) {
        if (status.state() == EngineState.HALTED) {
            terminal.send(HostCommand.newBuilder().setHalt(Halt.newBuilder().setReason(status.reason() + ": " + status.detail())));
        }
    }

    /** Journals each governors' day reset ("previous start, new start"): the long-term store closes the day from it. */
    private void journalDayReset(DayAnchor day, long serverTimeMsc) {
        if (day == null) {
            return;
        }
        long start = server.toServerMillis(day.start());
        if (start != dayStartMsc) {
            if (dayStartMsc != Long.MIN_VALUE) {
                journal.append(serverTimeMsc, "", JournalRecord.newBuilder().setDayReset(DayResetRecord.newBuilder()
                        .setPreviousStartMsc(dayStartMsc).setNewStartMsc(start)).build());
            }
            dayStartMsc = start;
        }
    }
}
