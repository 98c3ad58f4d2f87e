package com.vproptrader.ops.replay;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.engine.AccountEngine;
import com.vproptrader.host.engine.Clock;
import com.vproptrader.host.engine.OperatorAction;
import com.vproptrader.host.engine.TerminalSession;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.journal.InputRuns;
import com.vproptrader.host.journal.JournalKinds;
import com.vproptrader.host.journal.Sha256;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.host.plugin.PluginSet;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.SessionRecord;
import com.vproptrader.proto.TerminalEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a live session from its journal: every inbound record (hello, ticks, bars, fills, rejects, account and
 * position reports, heartbeats, the EA's state, disconnects, operator actions) goes to a fresh lockstep engine in
 * journal order, the order the live loop took them, each with the loop clock reading the live loop journaled
 * for it, so the latency rules see the live samples. The plugin versions and the rule pack in force must be the
 * ones the journal's session records name; a difference is an error naming both. The decision records of the
 * new journal are then compared byte for byte (kind, event time, symbol, payload) with the live ones.
 */
public final class SessionReplay {
    /**
     * The comparison.
     *
     * @param decisions      decision records in the live journal
     * @param firstDifference the first decision record that differs, described; empty when all are identical
     */
    public record Result(long decisions, Optional<String> firstDifference, List<String> warnings) {
        public boolean identical() {
            return firstDifference.isEmpty();
        }
    }

    private SessionReplay() {
    }

    /** Replays {@code live} into {@code config.journalFile()} (replaced) with the plugins in {@code config.pluginDir()}. */
    public static Result run(HostConfig config, Path live) throws Exception {
        List<JournalEntry> rows;
        try (Journal liveJournal = Journal.open(live)) {
            rows = liveJournal.readAll();
        }
        Files.deleteIfExists(config.journalFile());
        Files.deleteIfExists(config.stateFile()); // the live session started from a fresh account too
        List<String> warnings = new ArrayList<>();
        List<JournalEntry> again;
        try (PluginHost plugins = PluginHost.lockstep(config.pluginDir())) {
            plugins.start();
            long[] loopNanos = {0}; // the reading the live loop journaled with the record being replayed
            Clock clock = Clock.eventTime(() -> loopNanos[0]);
            try (Journal journal = Journal.open(config.journalFile());
                 AccountEngine engine = AccountEngine.lockstep(config, plugins, journal, clock)) {
                Terminal session = new Terminal();
                for (JournalEntry row : rows.stream().flatMap(row -> InputRuns.unpack(row).stream()).toList()) {
                    JournalRecord r = row.record(); // a replay's journal packs its ticks and account reports in runs
                    loopNanos[0] = r.getLoopNanos();
                    switch (r.getBodyCase()) {
                        case HELLO -> {
                            session = new Terminal();
                            Optional<String> refused = engine.connect(session, r.getHello().toBuilder()
                                    .setToken(config.token()).build());
                            if (refused.isPresent()) {
                                throw new IllegalStateException("journal row " + row.seq() + ": the replay refused the "
                                        + "session's hello: " + refused.get());
                            }
                        }
                        case SESSION -> checkSession(row, r.getSession(), plugins.current(), config);
                        case TICK -> engine.onEvent(session, TerminalEvent.newBuilder().setTick(r.getTick()).build());
                        case BAD_TICK -> engine.onEvent(session, TerminalEvent.newBuilder().setTick(r.getBadTick().getTick()).build());
                        case BAR -> engine.onEvent(session, TerminalEvent.newBuilder().setBar(r.getBar()).build());
                        case BAD_BAR -> engine.onEvent(session, TerminalEvent.newBuilder().setBar(r.getBadBar()).build());
                        case ACCOUNT -> engine.onEvent(session, TerminalEvent.newBuilder().setAccount(r.getAccount()).build());
                        case POSITION -> engine.onEvent(session, TerminalEvent.newBuilder().setPosition(r.getPosition()).build());
                        case FILL -> engine.onEvent(session, TerminalEvent.newBuilder().setFill(r.getFill()).build());
                        case REJECT -> engine.onEvent(session, TerminalEvent.newBuilder().setReject(r.getReject()).build());
                        case HEARTBEAT -> engine.onEvent(session, TerminalEvent.newBuilder().setHeartbeat(r.getHeartbeat()).build());
                        case EA_STATE -> engine.onEvent(session, TerminalEvent.newBuilder().setEaState(r.getEaState()).build());
                        case DISCONNECT -> engine.disconnected(session);
                        case OPERATOR -> operate(engine, row, r, warnings);
                        default -> {
                            // decisions and reports are what the replay produces, not what it reads
                        }
                    }
                }
                journal.flush();
                again = journal.readAll();
            }
        }
        List<JournalEntry> liveDecisions = decisions(rows);
        return new Result(liveDecisions.size(), firstDifference(liveDecisions, decisions(again)), warnings);
    }

    private static void operate(AccountEngine engine, JournalEntry row, JournalRecord r, List<String> warnings) {
        String action = r.getOperator().getAction();
        if (action.equals("RISK_CAP")) {
            // the navigator runs only live; its advised cap cannot be reproduced here
            warnings.add("journal row " + row.seq() + ": the operator changed the risk cap (" + r.getOperator().getDetail()
                    + "); the replay keeps the pack's cap, so later sizing may differ");
            return;
        }
        if (action.endsWith("_PLUGIN")) {
            // UPLOAD, DISABLE, ENABLE, ROLLBACK: the plugin folder changed; the session records name the plugins in
            // force after it
            warnings.add("journal row " + row.seq() + ": " + r.getOperator().getDetail());
            return;
        }
        engine.operate(OperatorAction.valueOf(action), r.getOperator().getRequest());
    }

    /** The rule pack the session's first session record names. */
    public static Optional<String> rulePackOf(Path live) {
        try (Journal journal = Journal.open(live)) {
            return journal.read(JournalKind.KIND_SESSION).stream().findFirst()
                    .map(row -> row.record().getSession().getRulePack());
        }
    }

    /** The replay must run what the live session ran: same rule pack text, same plugin versions in the same order. */
    private static void checkSession(JournalEntry row, SessionRecord live, PluginSet here, HostConfig config) {
        String pack = RulePackLoader.text(config.rulePack());
        if (!Sha256.hex(pack).equals(live.getRulePackSha256())) {
            throw new IllegalStateException("journal row " + row.seq() + ": the live session ran rule pack "
                    + live.getRulePack() + " (sha256 " + live.getRulePackSha256() + "), not the one given ("
                    + RulePackLoader.nameOf(config.rulePack()) + ", sha256 " + Sha256.hex(pack) + ")");
        }
        if (!live.getMacroConfigSha256().equals(AccountEngine.macroSha256(config))) {
            throw new IllegalStateException("journal row " + row.seq() + ": the live session ran "
                    + (live.getMacroConfigSha256().isEmpty() ? "without macro data" : "with a macro config of sha256 "
                    + live.getMacroConfigSha256()) + "; this replay has " + (config.macroFile() == null
                    ? "none (--macro FILE)" : config.macroFile() + ", sha256 " + AccountEngine.macroSha256(config)));
        }
        if (live.getSpreadCapPoints() != config.spreadCapPoints()) {
            throw new IllegalStateException("journal row " + row.seq() + ": the live session ran with spread cap "
                    + live.getSpreadCapPoints() + " points (0 = the filter's own); this replay has "
                    + config.spreadCapPoints() + " (--spread-cap)");
        }
        if (live.getSignalTtlMs() != config.signalTtl().toMillis() || live.getMinAlphaStrength() != config.minAlphaStrength()
                || live.getHistoryLength() != config.historyLength()) {
            throw new IllegalStateException("journal row " + row.seq() + ": the live session ran signal TTL "
                    + live.getSignalTtlMs() + " ms, min alpha strength " + live.getMinAlphaStrength() + ", history "
                    + live.getHistoryLength() + "; this replay has " + config.signalTtl().toMillis() + " ms, "
                    + config.minAlphaStrength() + ", " + config.historyLength());
        }
        List<String> serving = here.labels();
        if (!serving.equals(live.getPluginsList())) {
            throw new IllegalStateException("journal row " + row.seq() + ": the live session ran plugins "
                    + live.getPluginsList() + " but " + config.pluginDir() + " serves " + serving);
        }
    }

    /** The decision records, in order. */
    static List<JournalEntry> decisions(List<JournalEntry> rows) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry row : rows) {
            if (JournalKinds.DECISIONS.contains(JournalKinds.parseKind(row.kind()))) {
                out.add(row);
            }
        }
        return out;
    }

    /** The first decision record that is not byte for byte the live one (kind, event time, symbol, payload). */
    static Optional<String> firstDifference(List<JournalEntry> live, List<JournalEntry> again) {
        for (int i = 0; i < Math.max(live.size(), again.size()); i++) {
            JournalEntry a = i < live.size() ? live.get(i) : null;
            JournalEntry b = i < again.size() ? again.get(i) : null;
            if (a == null || b == null || a.eventTimeMsc() != b.eventTimeMsc() || !a.kind().equals(b.kind())
                    || !a.symbol().equals(b.symbol()) || !a.payload().equals(b.payload())) {
                return Optional.of("decision record " + (i + 1) + ": live " + describe(a) + ", replay " + describe(b));
            }
        }
        return Optional.empty();
    }

    private static String describe(JournalEntry e) {
        return e == null ? "has no such record" : "seq " + e.seq() + " " + e.kind() + " at " + e.eventTimeMsc()
                + (e.symbol().isEmpty() ? "" : " " + e.symbol()) + " " + e.payload();
    }

    /** Commands go nowhere: the terminal's answers are in the journal already. */
    private static final class Terminal implements TerminalSession {
        @Override
        public void send(HostCommand command) {
        }

        @Override
        public void close(String reason) {
        }
    }
}
