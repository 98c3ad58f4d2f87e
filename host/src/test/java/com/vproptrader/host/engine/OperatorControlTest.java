package com.vproptrader.host.engine;

import com.vproptrader.host.time.ServerTimes;
import com.vproptrader.proto.JournalKind;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.govern.pack.RulePack;
import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.host.journal.JournalVerifier;
import com.vproptrader.host.plugin.PluginHost;
import com.vproptrader.proto.Account;
import com.vproptrader.proto.AdminUpdate;
import com.vproptrader.proto.ComplianceEventKind;
import com.vproptrader.proto.GovernorState;
import com.vproptrader.proto.Heartbeat;
import com.vproptrader.proto.Hello;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.OperatorReply;
import com.vproptrader.proto.OperatorRequest;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.Side;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.SymbolSpec;
import com.vproptrader.proto.TerminalEvent;
import com.vproptrader.proto.Tick;
import com.vproptrader.proto.TradingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator halt, resume and flatten on the event loop, and reads that never move the engine's state. */
class OperatorControlTest {
    private static final RulePack FTMO = RulePackLoader.bundled("ftmo-2step");
    private static final SymbolSpec EURUSD = SymbolSpec.newBuilder().setSymbol("EURUSD").setDigits(5)
            .setContractSize(100_000).setTickSize(0.00001).setTickValue(1).setVolumeMin(0.01).setVolumeStep(0.01)
            .setVolumeMax(100).build();

    @TempDir
    Path dir;
    private Journal journal;
    private PluginHost plugins;
    private AccountEngine engine;
    private final Recording terminal = new Recording();
    private long seq;

    @BeforeEach
    void start() throws Exception {
        HostConfig config = HostConfig.defaults().withPluginDir(Files.createDirectories(dir.resolve("plugins")))
                .withJournalFile(dir.resolve("j.db"));
        journal = Journal.open(config.journalFile());
        plugins = new PluginHost(config.pluginDir(), config.pluginCallBudget());
        engine = new AccountEngine(config, plugins, journal, Clock.eventTime());
        long t0 = ms("2026.03.10 15:00:00");
        assertThat(engine.connect(terminal, Hello.newBuilder().setAccountId("acc").setServerTimeMsc(t0)
                .addSymbols(EURUSD).setAccount(account(100_000, 100_000, t0)).build())).isEmpty();
        tick(t0 + 1_000);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        plugins.close();
        journal.close();
    }

    @Test
    void a_poll_between_the_day_reset_and_the_next_tick_leaves_the_daily_halt_to_the_loop_which_sends_one_resume() {
        breachTheDailyFloor();
        assertThat(terminal.count(HostCommand.CommandCase.HALT)).isEqualTo(1);
        // the terminal flattened: the loss is realised
        event(TerminalEvent.newBuilder().setAccount(account(95_100, 95_100, ms("2026.03.10 15:00:05"))));

        event(TerminalEvent.newBuilder().setHeartbeat(Heartbeat.newBuilder().setTimeMsc(ms("2026.03.11 01:00:05"))));
        Status polled = engine.snapshot().getStatus();
        assertThat(polled.getTradingState()).as("a read rolls nothing").isEqualTo(TradingState.TRADING_HALTED);
        engine.snapshot();

        tick(ms("2026.03.11 01:00:10"));
        assertThat(terminal.count(HostCommand.CommandCase.RESUME)).as("exactly one resume reaches the terminal")
                .isEqualTo(1);
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
    }

    @Test
    void operator_halt_and_resume_reach_the_terminal_and_are_journaled_with_who_and_why() {
        OperatorReply halted = engine.operate(OperatorAction.HALT, request("alice", "NFP in ten minutes"));
        assertThat(halted.getAccepted()).isTrue();
        assertThat(halted.getTradingState()).isEqualTo(TradingState.TRADING_HALTED);
        assertThat(terminal.last(HostCommand.CommandCase.HALT).getHalt().getReason()).contains("alice", "NFP");
        assertThat(engine.snapshot().getStatus().getCompliance().getGovernorState()).isEqualTo(GovernorState.GOVERNORS_HALTED);

        OperatorReply resumed = engine.operate(OperatorAction.RESUME, request("bob", "NFP is out"));
        assertThat(resumed.getAccepted()).isTrue();
        assertThat(resumed.getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
        assertThat(terminal.count(HostCommand.CommandCase.RESUME)).isEqualTo(1);

        journal.flush();
        assertThat(journal.read(JournalKind.KIND_OPERATOR).stream().map(e -> e.record().getOperator().getDetail()))
                .containsExactly("HALT by alice: NFP in ten minutes", "RESUME by bob: NFP is out");
        Status status = engine.snapshot().getStatus();
        assertThat(status.getCompliance().getLastOperatorAction()).isEqualTo("RESUME by bob: NFP is out");
        assertThat(status.getCompliance().getGovernorState()).isEqualTo(GovernorState.GOVERNORS_ACTIVE);
        assertThat(status.getCompliance().getEventsList()).anyMatch(e -> e.getKind() == ComplianceEventKind.EVENT_OPERATOR);
    }

    @Test
    void a_reconnecting_terminal_hears_the_halt_again_after_the_rule_pack() {
        engine.operate(OperatorAction.HALT, request("alice", "broker maintenance"));
        engine.disconnected(terminal);
        Recording reconnected = new Recording();
        long t = ms("2026.03.10 15:05:00");
        assertThat(engine.connect(reconnected, Hello.newBuilder().setAccountId("acc").setServerTimeMsc(t)
                .addSymbols(EURUSD).setAccount(account(100_000, 100_000, t)).build())).isEmpty();
        assertThat(reconnected.sent).extracting(HostCommand::getCommandCase)
                .containsSubsequence(HostCommand.CommandCase.CONFIG, HostCommand.CommandCase.HALT);
        assertThat(reconnected.last(HostCommand.CommandCase.HALT).getHalt().getReason()).contains("OPERATOR", "alice");
    }

    @Test
    void the_eas_own_state_shows_beside_the_hosts_and_a_different_pack_is_a_compliance_warning() {
        event(TerminalEvent.newBuilder().setEaState(com.vproptrader.proto.EaState.newBuilder().setEngineState("ACTIVE")
                .setRulePackName("ftmo-1step").setRulePackHash("0000000000000000")
                .setDayStartBalance(100_000).setDayStartEquity(100_000)));
        Status status = engine.snapshot().getStatus();
        assertThat(status.getEaState().getRulePackName()).isEqualTo("ftmo-1step");
        assertThat(status.getEaStateMismatch()).contains("rule pack");
        assertThat(status.getCompliance().getEventsList())
                .anyMatch(e -> e.getKind() == ComplianceEventKind.EVENT_WARNING && e.getReasonCode().equals("EA_STATE_MISMATCH"));
    }

    @Test
    void resume_is_refused_naming_the_rule_while_the_daily_floor_was_reached_today() {
        breachTheDailyFloor();
        OperatorReply reply = engine.operate(OperatorAction.RESUME, request("alice", "try again"));
        assertThat(reply.getAccepted()).isFalse();
        assertThat(reply.getRefusedBy()).isEqualTo("DAILY_LOSS");
        assertThat(reply.getTradingState()).isEqualTo(TradingState.TRADING_HALTED);
        assertThat(terminal.count(HostCommand.CommandCase.RESUME)).isZero();
    }

    @Test
    void an_action_without_operator_or_reason_is_refused_and_changes_nothing() {
        assertThat(engine.operate(OperatorAction.HALT, request("", "x")).getRefusedBy()).isEqualTo("MISSING_OPERATOR");
        assertThat(engine.operate(OperatorAction.HALT, request("alice", " ")).getRefusedBy()).isEqualTo("MISSING_REASON");
        assertThat(terminal.count(HostCommand.CommandCase.HALT)).isZero();
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
    }

    @Test
    void flatten_all_sends_one_flatten_to_the_terminal_without_halting() {
        OperatorReply reply = engine.operate(OperatorAction.FLATTEN_ALL, request("alice", "end of session"));
        assertThat(reply.getAccepted()).isTrue();
        assertThat(terminal.last(HostCommand.CommandCase.FLATTEN).getFlatten().getReason()).contains("alice");
        assertThat(reply.getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
    }

    @Test
    void money_is_exact_cents_and_day_pnl_counts_from_the_governors_anchor() {
        Status status = engine.snapshot().getStatus();
        assertThat(status.getBalanceCents()).isEqualTo(10_000_000L);
        assertThat(status.getCompliance().getDayStartEquityCents()).isEqualTo(10_000_000L);
        event(TerminalEvent.newBuilder().setAccount(account(100_000, 100_123.45, ms("2026.03.10 15:00:02"))));
        assertThat(engine.snapshot().getStatus().getDayPnlCents()).isEqualTo(12_345L);
        assertThat(engine.snapshot().getStatus().getCompliance().getRulesList())
                .filteredOn(r -> r.getRule().equals("profit_target")).singleElement()
                .satisfies(r -> assertThat(r.getLimit()).isEqualTo(11_000_000L));
    }

    @Test
    void an_open_positions_money_and_the_equity_curve_are_read_in_exact_cents() {
        // the terminal reports doubles; a reader gets whole cents (the balance below is the 110000.00000000001 seen once)
        event(TerminalEvent.newBuilder().setPosition(Position.newBuilder().setTicket(7).setSymbol("EURUSD")
                .setSide(Side.BUY).setVolume(0.5).setOpenPrice(1.1).setProfit(12.35).setSwap(-0.1).setCommission(-2.5)));
        event(TerminalEvent.newBuilder().setAccount(account(110_000.00000000001, 110_009.75, ms("2026.03.10 15:00:03"))));

        AdminUpdate update = engine.snapshot();
        assertThat(update.getPositionViewsList()).singleElement().satisfies(v -> {
            assertThat(v.getPosition().getTicket()).isEqualTo(7);
            assertThat(v.getProfitCents()).isEqualTo(1_235L);
            assertThat(v.getSwapCents()).isEqualTo(-10L);
            assertThat(v.getCommissionCents()).isEqualTo(-250L);
            assertThat(v.getNetCents()).isEqualTo(975L);
        });
        assertThat(update.getEquity().getBalanceCents()).isEqualTo(11_000_000L);
        assertThat(update.getEquity().getEquityCents()).isEqualTo(11_000_975L);
        assertThat(engine.equitySeries(10)).last().satisfies(p -> assertThat(p.getEquityCents()).isEqualTo(11_000_975L));
    }

    /**
     * The terminal's server clock jumps three days ahead (Tuesday 15:00 to Friday 15:00): the day resets exactly
     * once, yesterday's daily halt lifts with one resume, and the governors act on the new day's anchor (the
     * balance at the jump, 95,100): a new day's loss of 4,050 puts the account in REDUCING for the daily rule, a
     * loss of 4,900 halts it again.
     */
    @Test
    void a_forward_jump_of_the_server_clock_resets_the_day_once_and_the_new_days_floor_still_halts() {
        breachTheDailyFloor();
        event(TerminalEvent.newBuilder().setAccount(account(95_100, 95_100, ms("2026.03.10 15:00:05"))));
        journal.flush();
        int resetsBefore = journal.read(JournalKind.KIND_DAY_RESET).size();

        for (int s = 0; s < 5; s++) {
            tick(ms("2026.03.13 15:00:00") + s * 1_000L);
        }
        journal.flush();
        var resets = journal.read(JournalKind.KIND_DAY_RESET);
        assertThat(resets).as("one reset for the jump, none on the ticks after it").hasSize(resetsBefore + 1);
        assertThat(resets.get(resets.size() - 1).record().getDayReset().getNewStartMsc())
                .isEqualTo(ms("2026.03.13 01:00:00"));
        assertThat(terminal.count(HostCommand.CommandCase.RESUME)).isEqualTo(1);
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
        assertThat(engine.snapshot().getStatus().getCompliance().getDayStartEquityCents()).isEqualTo(9_510_000L);

        event(TerminalEvent.newBuilder().setAccount(account(95_100, 91_050, ms("2026.03.13 15:00:06"))));
        tick(ms("2026.03.13 15:00:07"));
        Status reducing = engine.snapshot().getStatus();
        assertThat(reducing.getTradingState()).as("4,050 below the new day's anchor").isEqualTo(TradingState.TRADING_REDUCING);
        assertThat(reducing.getTradingStateReason()).contains("DAILY");
        event(TerminalEvent.newBuilder().setAccount(account(95_100, 90_200, ms("2026.03.13 15:00:08"))));
        tick(ms("2026.03.13 15:00:09"));
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_HALTED);
        assertThat(terminal.count(HostCommand.CommandCase.HALT)).isEqualTo(2);
    }

    private void breachTheDailyFloor() {
        event(TerminalEvent.newBuilder().setAccount(account(100_000, 95_100, ms("2026.03.10 15:00:02"))));
        tick(ms("2026.03.10 15:00:03"));
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_HALTED);
    }

    @Test
    void a_journal_that_cannot_write_pauses_new_trades_with_its_reason_until_it_writes_again() throws Exception {
        long t = ms("2026.03.10 15:00:02");
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("j.db"))) {
            other.createStatement().execute("BEGIN EXCLUSIVE"); // another process holds the journal's database
            tick(t);
            journal.flush(); // the writer gave up on its batch (SQLite's busy timeout)
            assertThat(journal.writeFailure()).hasValueSatisfying(f -> assertThat(f).contains("rows held"));

            tick(t + 1_000);
            Status paused = engine.snapshot().getStatus();
            assertThat(paused.getTradingState()).isEqualTo(TradingState.TRADING_PAUSED);
            assertThat(paused.getTradingStateReason()).contains("journal write failed");
            other.createStatement().execute("ROLLBACK");
        }

        tick(t + 2_000);
        journal.flush();
        assertThat(journal.writeFailure()).isEmpty();
        tick(t + 3_000);
        assertThat(engine.snapshot().getStatus().getTradingState()).isEqualTo(TradingState.TRADING_ACTIVE);
        journal.flush(); // verify reads a journal at rest
        assertThat(JournalVerifier.verify(dir.resolve("j.db")).firstBad()).as("the chain continues intact").isEmpty();
        assertThat(journal.readAll()).as("the rows of the failed write were held and written, not lost")
                .anyMatch(e -> e.eventTimeMsc() == t);
    }

    private static OperatorRequest request(String operator, String reason) {
        return OperatorRequest.newBuilder().setOperator(operator).setReason(reason).build();
    }

    private static long ms(String mt5) {
        return FTMO.serverTimeZone().toServerMillis(ServerTimes.parse(mt5, FTMO.serverTimeZone()));
    }

    private static Account account(double balance, double equity, long time) {
        return Account.newBuilder().setAccountId("acc").setCurrency("USD").setBalance(balance).setEquity(equity)
                .setServerTimeMsc(time).build();
    }

    private void tick(long time) {
        event(TerminalEvent.newBuilder().setTick(Tick.newBuilder().setSymbol("EURUSD").setBid(1.10000)
                .setAsk(1.10002).setTimeMsc(time)));
    }

    private void event(TerminalEvent.Builder e) {
        engine.onEvent(terminal, e.setSeq(++seq).build());
        engine.snapshot(); // waits until the loop has handled it
    }

    private static final class Recording implements TerminalSession {
        private final List<HostCommand> sent = new ArrayList<>();

        @Override
        public synchronized void send(HostCommand command) {
            sent.add(command);
        }

        @Override
        public void close(String reason) {
        }

        synchronized long count(HostCommand.CommandCase kind) {
            return sent.stream().filter(c -> c.getCommandCase() == kind).count();
        }

        synchronized HostCommand last(HostCommand.CommandCase kind) {
            return sent.stream().filter(c -> c.getCommandCase() == kind).reduce((a, b) -> b).orElseThrow();
        }
    }
}
