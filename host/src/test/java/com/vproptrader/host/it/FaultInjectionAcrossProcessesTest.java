package com.vproptrader.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;
import com.vproptrader.host.journal.JournalVerifier;
import com.vproptrader.host.journal.JournalEntry;
import com.vproptrader.host.journal.JournalKinds;
import com.vproptrader.proto.Compliance;
import com.vproptrader.proto.DayResetRecord;
import com.vproptrader.proto.Position;
import com.vproptrader.proto.PositionsRequest;
import com.vproptrader.proto.ReconcileRecord;
import com.vproptrader.proto.AdminServiceGrpc;
import com.vproptrader.proto.DealEntry;
import com.vproptrader.proto.Fill;
import com.vproptrader.proto.FillSource;
import com.vproptrader.proto.JournalRecord;
import com.vproptrader.proto.JournalKind;
import com.vproptrader.proto.Status;
import com.vproptrader.proto.StatusRequest;
import com.vproptrader.proto.TradingState;
import com.vproptrader.sim.TerminalSimMain;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection across processes: host, gateway and terminal stand-in run as separate JVMs; a fault hits one of
 * them while it trades (SIGKILL and a restart, a full disk under the journal, a jump of the terminal's clock).
 * Afterwards trading resumes, no broker deal is journaled twice, no signal is executed twice (at most one opening
 * deal per signal key), and the journal's hash chain verifies. Each scenario prints one line of the fault-injection
 * table (docs/production.md). CI runs the host's SIGKILL with a position open, the full disk and the clock jump;
 * {@code -Pproof} (or {@code -Dfault.all=true}) also the gateway's and the stand-in's SIGKILL and the file-size limit.
 */
class FaultInjectionAcrossProcessesTest {

    @Test
    @EnabledIfSystemProperty(named = "fault.all", matches = "true")
    void sigkillOfTheGatewayMidTrade(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            s.killAndRestart(Role.GATEWAY);
            s.awaitFills(before + 1);
            s.report("SIGKILL gateway mid-trade", before);
        }
    }

    /**
     * The host dies with a position open at the broker: the stand-in's market is held still once a position is open
     * (its {@code market-pause} command), so the position cannot hit its stop while the host is down. The new host
     * (same journal and state) hears the terminal's hello, adopts the position with its stop (a reconcile row), the
     * governors count it among the open positions, and no order is sent twice. The broker's own deal list (the
     * stand-in's log) and the journal's fills agree deal for deal.
     */
    @Test
    void sigkillOfTheHostWithAPositionOpenAtTheBroker_theNewHostAdoptsIt(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        try (Stack s = Stack.start(dir)) {
            long started = System.nanoTime();
            BrokerPosition open = s.pauseWithAPositionOpen();
            long paused = System.nanoTime();
            s.killAndRestart(Role.HOST);
            long restarted = System.nanoTime();
            int before = s.fills().size();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(s.positions()).as("the new host's positions; broker deals:\n%s", s.brokerDeals())
                            .anySatisfy(p -> {
                                assertThat(p.getTicket()).isEqualTo(open.ticket());
                                assertThat(p.getSl()).as("its stop").isEqualTo(open.sl());
                                assertThat(p.getVolume()).isEqualTo(open.volume());
                            }));
            List<Position> adopted = s.positions();
            assertThat(s.reconcileRows()).as("the restart's reconciliation").anySatisfy(r -> {
                assertThat(r.getChange()).isEqualTo("adopted from terminal");
                assertThat(r.getPosition().getTicket()).isEqualTo(open.ticket());
                assertThat(r.getPosition().getSl()).isEqualTo(open.sl());
            });
            var openPositions = s.status().getCompliance().getRulesList().stream()
                    .filter(r -> r.getRule().equals("open_positions")).findFirst().orElseThrow();
            assertThat(openPositions.getCurrent()).as("the governors count the adopted position")
                    .isEqualTo(adopted.size()).isPositive();

            s.terminal.send("market-resume");
            s.awaitFills(before + 1);
            System.out.printf("fault-injection | stack up %.0f s, position open and market paused %.0f s later, host back"
                            + " %.0f s later, next fill %.0f s later%n", (started - t0) / 1e9, (paused - started) / 1e9,
                    (restarted - paused) / 1e9, (System.nanoTime() - restarted) / 1e9);
            s.report("SIGKILL host with a position open at the broker (market held still), restart on the same journal"
                    + " and state", before);
            s.assertBrokerDealsJournaledOnce();
        }
    }

    /**
     * The host dies with a position open, and while it is down the trader closes the position by hand at the
     * terminal (the stand-in's {@code close-all}): the closing deal is made with no host to hear of it. The new host
     * learns of it only from the hello's recent deals: it journals that deal once, as a fill recovered from the
     * terminal's history, adopts nothing (the position is gone), and the broker's deal list and the journal's fills
     * still agree deal for deal.
     */
    @Test
    void aPositionClosedByHandWhileTheHostIsDown_isJournaledOnceFromTheTerminalsHistory(@TempDir Path dir)
            throws Exception {
        try (Stack s = Stack.start(dir)) {
            BrokerPosition open = s.pauseWithAPositionOpen();
            int fromLine = s.terminal.lines().size();
            s.killAndRestart(Role.HOST, () -> {
                // the gateway drops the terminal once its host is gone: the deal is then made with no link at all
                await().atMost(Duration.ofSeconds(30)).until(() -> s.terminal.lines().stream().skip(fromLine)
                        .anyMatch(l -> l.contains("disconnected:")));
                s.terminal.send("close-all");
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(s.terminal.lines().subList(fromLine,
                    s.terminal.lines().size())).as("the stand-in's output since the pause")
                    .anyMatch(l -> l.contains("closed by hand: deals")));
            String answer = s.terminal.lines().stream().skip(fromLine).filter(l -> l.contains("closed by hand: deals"))
                    .findFirst().orElseThrow();
            var closing = java.util.regex.Pattern.compile("deals \\[(\\d+)").matcher(answer);
            assertThat(closing.find()).as("the stand-in's answer: %s", answer).isTrue();
            long closingDeal = Long.parseLong(closing.group(1));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(JournalRows.records(s.journal(), JournalKind.KIND_FILL))
                            .as("fill rows; broker deals:\n%s", s.brokerDeals())
                            .filteredOn(r -> r.getFill().getDeal() == closingDeal).singleElement()
                            .satisfies(r -> {
                                assertThat(r.getFillSource()).isEqualTo(FillSource.FILL_SOURCE_TERMINAL_HISTORY);
                                assertThat(r.getFill().getPositionId()).isEqualTo(open.ticket());
                            }));
            assertThat(s.positions()).as("the new host's positions").noneMatch(p -> p.getTicket() == open.ticket());
            assertThat(s.reconcileRows()).as("nothing to adopt").noneMatch(r -> r.getPosition().getTicket() == open.ticket());

            int before = s.fills().size();
            s.terminal.send("market-resume");
            s.awaitFills(before + 1);
            s.report("SIGKILL host with a position open, the position closed by hand at the terminal while the host"
                    + " is down, restart on the same journal and state", before);
            s.assertBrokerDealsJournaledOnce();
        }
    }

    /**
     * The restarted stand-in replays its ticks from the start: to the host the terminal's clock jumped back, so it
     * refuses those ticks (older than what it has seen) and trades no more on them; nothing is executed twice.
     */
    @Test
    @EnabledIfSystemProperty(named = "fault.all", matches = "true")
    void sigkillOfTheTerminalStandInMidTrade_andItsClockJumpsBack(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            s.killAndRestart(Role.TERMINAL);
            Thread.sleep(10_000); // ten seconds of replayed (old) ticks
            s.report("SIGKILL terminal stand-in mid-trade; its restart replays old ticks (clock jumps back)", before);
        }
    }

    /**
     * The terminal's server clock jumps a week ahead mid-trade (the stand-in's {@code clock-jump} command; a week
     * keeps the weekday and the hour, so sessions and weekend rules are as before). The host resets the day once
     * for the jump, anchors the new day at the balance the account had at the jump, the daily-loss floor moves to
     * that anchor, and trading goes on in the new day; no day is reset twice.
     */
    @Test
    void aForwardJumpOfTheTerminalsClock_resetsTheDayOnce_andTheGovernorsActOnTheNewAnchor(@TempDir Path dir)
            throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1); // a deal's commission has moved the balance off the initial one: the anchor must follow
            long oldStart = s.status().getCompliance().getDayStartMsc();
            int resetsBefore = s.dayResetRows().size();

            s.terminal.send("clock-jump P7D");
            s.terminal.awaitLine("server clock jumped forward by 604800000 ms", 30);
            var firstOfNewDay = new java.util.concurrent.atomic.AtomicReference<Compliance>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                firstOfNewDay.set(s.status().getCompliance());
                return firstOfNewDay.get().getDayStartMsc() != oldStart;
            });
            long newStart = oldStart + 7 * 86_400_000L;
            Compliance newDay = firstOfNewDay.get();
            assertThat(newDay.getDayStartMsc()).as("the day the jump landed in").isEqualTo(newStart);
            int fillsAtJump = s.fills().size();
            s.awaitFills(fillsAtJump + 1); // a trade in the new day: the governors let it through on the new anchor
            Thread.sleep(5_000); // more ticks of the new day

            List<JournalEntry> resetRows = s.dayResetRows();
            List<DayResetRecord> resets = resetRows.stream().map(r -> r.record().getDayReset()).toList();
            List<JournalEntry> forTheJump = resetRows.stream()
                    .filter(r -> r.record().getDayReset().getPreviousStartMsc() == oldStart).toList();
            assertThat(forTheJump).as("day resets from the day before the jump; all: %s", resets).hasSize(1);
            assertThat(forTheJump.get(0).record().getDayReset().getNewStartMsc()).isEqualTo(newStart);
            assertThat(resets.stream().map(DayResetRecord::getNewStartMsc).distinct().count())
                    .as("no day started twice").isEqualTo(resets.size());
            long daysCrossedSince = (s.status().getCompliance().getDayStartMsc() - newStart) / 86_400_000L;
            assertThat(resets).as("one reset for the jump, then only the midnights the new clock crossed")
                    .hasSize(resetsBefore + 1 + (int) daysCrossedSince);

            long anchor = s.balanceCentsBefore(forTheJump.get(0).seq());
            assertThat(newDay.getDayStartBalanceCents()).as("the new day's anchor: the balance at the jump")
                    .isEqualTo(anchor);
            var daily = newDay.getRulesList().stream().filter(r -> r.getRule().startsWith("daily"))
                    .findFirst().orElseThrow();
            assertThat(daily.getLimit()).as("FTMO's daily floor: the new anchor less 5% of 100,000")
                    .isEqualTo(anchor - 500_000L);
            List<Fill> all = s.fills();
            List<Fill> newDayFills = all.subList(fillsAtJump, all.size());
            assertThat(newDayFills).as("fills after the jump are on the new clock")
                    .allSatisfy(f -> assertThat(f.getTimeMsc()).isGreaterThanOrEqualTo(newStart));
            System.out.printf("fault-injection | server clock jumps 7 days: day %d -> %d reset once (journal seq %d),"
                            + " new anchor %d cents, daily floor %d cents, %d fills in the new day%n", oldStart, newStart,
                    forTheJump.get(0).seq(), anchor, anchor - 500_000L, newDayFills.size());
            s.report("server clock jumps 7 days ahead mid-trade (stand-in clock-jump P7D)", fillsAtJump);
        }
    }

    /**
     * A real full disk: the journal lives on a small tmpfs of its own mount namespace, and the test fills what is
     * left of it with a ballast file. SQLite's next write gets ENOSPC; the host pauses new trades with the journal's
     * reason and holds the rows; when the ballast is deleted the held rows are written, none lost, and trading goes
     * on. Nothing is executed twice and the chain verifies.
     */
    @Test
    void aFullDiskUnderTheJournalPausesNewTradesUntilSpaceReturns(@TempDir Path dir) throws Exception {
        try (PrivateTmpfs disk = PrivateTmpfs.mount(dir.resolve("disk"), 64L << 20);
             Stack s = Stack.start(dir, disk)) {
            s.awaitFills(1);
            int before = s.fills().size();
            long[] ballast = new long[1];
            String pausedWith = s.pausesWhileTheJournalCannotWrite(() -> ballast[0] = disk.fill(), disk::free, before);
            assertThat(pausedWith).as("SQLite's error on the full disk").containsPattern("SQLITE_[A-Z_]+");
            System.out.printf("fault-injection | tmpfs of 64 MiB filled (ballast %d bytes): paused with '%s'; %s%n",
                    ballast[0], pausedWith, s.host.output().lines()
                            .filter(l -> l.contains("journal writes again")).findFirst().orElse(""));
            s.report("disk full under the journal (ENOSPC on a 64 MiB tmpfs), then space returns", before);
        }
    }

    /**
     * The journal's files stop growing mid-trade: the host's file-size limit (RLIMIT_FSIZE, set on the running
     * process with prlimit, as a full or size-limited disk does) lands just above their size. The host pauses new
     * trades with the journal's reason and sends no signal while it lasts; when the limit is lifted the rows held
     * meanwhile are written, none lost, the pause ends by itself and trading goes on. Nothing is executed twice and
     * the chain verifies. Proof only: CI fills a real disk
     * instead ({@code aFullDiskUnderTheJournalPausesNewTradesUntilSpaceReturns}).
     */
    @Test
    @EnabledIfSystemProperty(named = "fault.all", matches = "true")
    void aJournalThatCannotGrowPausesNewTradesUntilItCanWriteAgain(@TempDir Path dir) throws Exception {
        try (Stack s = Stack.start(dir)) {
            s.awaitFills(1);
            int before = s.fills().size();
            long limit = Math.max(Files.size(dir.resolve("journal.db")), walSize(dir)) + 64 * 1024;
            String pausedWith = s.pausesWhileTheJournalCannotWrite(
                    () -> prlimit(s.host.pid(), "--fsize=" + limit + ":unlimited"),
                    () -> prlimit(s.host.pid(), "--fsize=unlimited:unlimited"), before);
            System.out.printf("fault-injection | journal files limited to %d bytes: paused with '%s'; %s%n", limit,
                    pausedWith, s.host.output().lines().filter(l -> l.contains("journal writes again"))
                            .findFirst().orElse(""));
            s.report("journal files at their size limit (RLIMIT_FSIZE) mid-trade, then lifted", before);
        }
    }

    private static long walSize(Path dir) throws java.io.IOException {
        Path wal = dir.resolve("journal.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static void prlimit(long pid, String limit) throws Exception {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), limit).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("prlimit %s: %s", limit, out).isZero();
    }

    /** A position as the broker (the stand-in) reported it when its market was paused. */
    private record BrokerPosition(long ticket, double sl, double volume) {
    }

    /** The three processes of a stack; each is killed and restarted the same way. */
    private enum Role { HOST, GATEWAY, TERMINAL }

    /** Host, gateway and stand-in on fixed ports, so a restarted process is found by the others. */
    private static final class Stack implements AutoCloseable {
        final Path dir;
        final Path plugins;
        final int hostPort;
        final int eaPort;
        final String token;
        /** The journal as the host names it, and as the test reaches it (they differ on a private tmpfs). */
        final Path hostJournal;
        final Path journalSeen;
        final boolean journalInNamespace;
        final List<String> hostPrefix;
        ChildProcess host;
        ChildProcess gateway;
        ChildProcess terminal;

        private Stack(Path dir, PrivateTmpfs disk) throws Exception {
            this.dir = dir;
            this.plugins = PluginJars.installAll(dir.resolve("plugins"));
            this.hostPort = freePort();
            this.eaPort = freePort();
            this.hostJournal = disk == null ? dir.resolve("journal.db") : dir.resolve("disk").resolve("journal.db");
            this.journalSeen = disk == null ? hostJournal : disk.inside(hostJournal);
            this.journalInNamespace = disk != null;
            this.hostPrefix = disk == null ? List.of() : disk.enter();
            host = startHost("host");
            token = Files.readString(dir.resolve("link-token")).trim();
            gateway = startGateway("gateway");
            terminal = startTerminal("terminal-sim");
        }

        static Stack start(Path dir) throws Exception {
            return new Stack(dir, null);
        }

        /** The host's journal on {@code disk}; its state and link token stay in {@code dir}. */
        static Stack start(Path dir, PrivateTmpfs disk) throws Exception {
            return new Stack(dir, disk);
        }

        private ChildProcess startHost(String name) throws Exception {
            ChildProcess p = ChildProcess.start(name, hostPrefix, HostMain.class, "--port", "" + hostPort,
                    "--plugins", plugins.toString(), "--journal", hostJournal.toString(),
                    "--state", dir.resolve("journal-state.db").toString(),
                    "--token-file", dir.resolve("link-token").toString());
            p.awaitLine("host ready on port", 60);
            return p;
        }

        private ChildProcess startGateway(String name) throws Exception {
            ChildProcess p = ChildProcess.start(name, GatewayMain.class, "--port", "" + eaPort,
                    "--host", "127.0.0.1:" + hostPort);
            p.awaitLine("gateway listening on", 60);
            return p;
        }

        /** A stand-in replaying from the start; it takes commands (clock-jump) on its standard input. */
        private ChildProcess startTerminal(String name) throws Exception {
            return ChildProcess.start(name, TerminalSimMain.class, "--gateway-port", "" + eaPort,
                    "--synthetic-ticks", "20000", "--tps", "100", "--loop", "--token", token, "--stdin-commands");
        }

        /**
         * SIGKILL of one process mid-trade, then a new one in its place (same ports; for the host the same journal
         * and state files): returns once the terminal is connected to the host again.
         */
        void killAndRestart(Role role) throws Exception {
            killAndRestart(role, () -> { });
        }

        /** As {@link #killAndRestart(Role)}, doing {@code whileDown} between the kill and the restart. */
        void killAndRestart(Role role, DrillStep whileDown) throws Exception {
            switch (role) {
                case HOST -> {
                    host.kill();
                    whileDown.run();
                    host = startHost("host-restarted");
                }
                case GATEWAY -> {
                    gateway.kill();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !terminalConnected());
                    whileDown.run();
                    gateway = startGateway("gateway-restarted");
                }
                case TERMINAL -> {
                    terminal.kill();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !terminalConnected());
                    whileDown.run();
                    terminal = startTerminal("terminal-restarted");
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(this::terminalConnected);
        }

        /**
         * The journal file to read. SQLite resolves symbolic links in a file name, and {@code /proc/<pid>/root} is
         * one that would lead it back to the test's own namespace, so the journal on a private tmpfs is read from a
         * copy of its database and write-ahead log (a copy taken mid-write ends at the last whole frame).
         */
        Path journal() {
            if (!journalInNamespace) {
                return hostJournal;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return copyJournal();
                } catch (java.nio.file.NoSuchFileException checkpointed) {
                    // The write-ahead log went between listing and copying (a checkpoint, a reopened connection).
                    if (attempt == 5) {
                        throw new java.io.UncheckedIOException(checkpointed);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        private Path copyJournal() throws java.io.IOException {
            Path copy = dir.resolve("journal-copy");
            Files.createDirectories(copy);
            for (String suffix : List.of("", "-wal")) {
                Path from = journalSeen.resolveSibling(journalSeen.getFileName() + suffix);
                Path to = copy.resolve("journal.db" + suffix);
                Files.deleteIfExists(to);
                if (Files.exists(from)) {
                    Files.copy(from, to);
                }
            }
            Files.deleteIfExists(copy.resolve("journal.db-shm"));
            return copy.resolve("journal.db");
        }

        List<Fill> fills() {
            return JournalRows.records(journal(), JournalKind.KIND_FILL).stream().map(r -> r.getFill()).toList();
        }

        List<ReconcileRecord> reconcileRows() {
            return JournalRows.records(journal(), JournalKind.KIND_RECONCILE).stream().map(r -> r.getReconcile()).toList();
        }

        List<JournalEntry> dayResetRows() {
            return JournalRows.rows(journal(), JournalKind.KIND_DAY_RESET);
        }

        /** The account's balance in cents as the last account report journaled before row {@code seq} gave it. */
        long balanceCentsBefore(long seq) {
            var account = JournalRows.rows(journal(), JournalKind.KIND_ACCOUNT).stream().filter(r -> r.seq() < seq)
                    .reduce((a, b) -> b).orElseThrow().record().getAccount();
            return java.math.BigDecimal.valueOf(account.getBalance()).movePointRight(2)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        }

        /**
         * The journal-cannot-write drill: after {@code fault} the host pauses new trades with the journal's reason
         * while still reading ticks; after {@code mend} the pause ends by itself, a new fill comes, and the held rows
         * are written with none lost. In the journal no signal lies between a pause for the journal and its resume.
         * (A full disk may still let SQLite write now and then, into WAL space it already holds: the pause then
         * lifts and comes back, so the check is on the journal's order of rows, not on a quiet stretch.) Returns the
         * pause's reason.
         */
        String pausesWhileTheJournalCannotWrite(DrillStep fault, DrillStep mend, int fillsBefore) throws Exception {
            fault.run();
            Status paused = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(this::status, s -> s.getTradingState() == TradingState.TRADING_PAUSED
                            && s.getTradingStateReason().contains("journal write failed"));
            Thread.sleep(5_000);
            assertThat(status().getCounters().getTicks()).as("the market is still read")
                    .isGreaterThan(paused.getCounters().getTicks());
            mend.run();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !status().getTradingStateReason().contains("journal write failed"));
            awaitFills(fillsBefore + 1);
            assertThat(host.output()).contains("journal writes again:").doesNotContainPattern("held rows written, [1-9]\\d* lost");
            assertThat(signalsWhilePausedForTheJournal()).as("signal rows between a journal pause and its resume").isEmpty();
            return paused.getTradingStateReason();
        }

        /** Seqs of the signal rows journaled while a pause for the journal held, in journal order. */
        List<Long> signalsWhilePausedForTheJournal() {
            List<JournalEntry> rows = new java.util.ArrayList<>();
            for (JournalKind kind : List.of(JournalKind.KIND_PAUSE, JournalKind.KIND_RESUME, JournalKind.KIND_SIGNAL)) {
                rows.addAll(JournalRows.rows(journal(), kind));
            }
            rows.sort(java.util.Comparator.comparingLong(JournalEntry::seq));
            List<Long> inside = new java.util.ArrayList<>();
            boolean paused = false;
            for (JournalEntry row : rows) {
                JournalRecord record = row.record();
                switch (record.getBodyCase()) {
                    case PAUSE -> paused = JournalKinds.text(record).contains("journal write failed");
                    case RESUME -> paused = false;
                    default -> {
                        if (paused) {
                            inside.add(row.seq());
                        }
                    }
                }
            }
            return inside;
        }

        void awaitFills(int n) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(fills().size()).as("journaled fills; host:\n%s", host.output())
                            .isGreaterThanOrEqualTo(n));
        }

        /**
         * Waits for the broker to open a position and holds its market still: returns a position open at the
         * broker then (a position that hit its stop before the pause is let go, and the next one waited for).
         */
        BrokerPosition pauseWithAPositionOpen() throws Exception {
            java.util.regex.Pattern paused = java.util.regex.Pattern.compile(
                    "market paused with \\[ticket=(\\d+) sl=(\\S+) volume=([^,\\]]+)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            for (int opens = 1; System.nanoTime() < deadline; opens++) {
                int seen = opens;
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(5)).until(() ->
                        terminal.lines().stream().filter(l -> l.contains(" ENTRY_IN ")).count() >= seen);
                int from = terminal.lines().size();
                terminal.send("market-pause");
                String answer = await().atMost(Duration.ofSeconds(10)).until(() -> terminal.lines().stream().skip(from)
                        .filter(l -> l.startsWith("market paused with")).findFirst().orElse(null), a -> a != null);
                var m = paused.matcher(answer);
                if (m.find()) {
                    return new BrokerPosition(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)));
                }
                terminal.send("market-resume");
            }
            throw new AssertionError("no position stayed open until the market was paused");
        }

        private static final java.util.regex.Pattern BROKER_DEAL = java.util.regex.Pattern.compile(
                "deal (\\d+) (ENTRY_\\w+) \\S+ \\S+ \\S+ lots at \\S+ position (\\d+) key '([^']*)'");

        /** The stand-in's log lines of its deals, and of its links to the gateway. */
        List<String> brokerDeals() {
            return terminal.lines().stream().filter(l -> BROKER_DEAL.matcher(l).find() || l.contains("connected")).toList();
        }

        List<Position> positions() {
            return admin(stub -> stub.listPositions(PositionsRequest.getDefaultInstance()).getPositionsList());
        }

        Status status() {
            return admin(stub -> stub.getStatus(StatusRequest.getDefaultInstance()));
        }

        private <T> T admin(java.util.function.Function<AdminServiceGrpc.AdminServiceBlockingStub, T> call) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", hostPort).usePlaintext().build();
            try {
                return call.apply(AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS));
            } finally {
                channel.shutdownNow();
            }
        }

        boolean terminalConnected() {
            try {
                return status().getTerminalConnected();
            } catch (RuntimeException notUp) {
                return false;
            }
        }

        /** The invariants after the fault, and one table line. */
        void report(String fault, int fillsBefore) throws Exception {
            terminal.close(); // the broker stops dealing; its last frames reach the host before the host stops
            Thread.sleep(1_000);
            host.close(); // SIGTERM: the journal flushes, then it is checked as an auditor would
            List<Fill> fills = fills();
            Map<Long, Long> perDeal = fills.stream().collect(Collectors.groupingBy(Fill::getDeal, Collectors.counting()));
            Map<String, Long> opensPerSignal = fills.stream()
                    .filter(f -> f.getEntry() == DealEntry.ENTRY_IN && !f.getSignalKey().isEmpty())
                    .collect(Collectors.groupingBy(Fill::getSignalKey, Collectors.counting()));
            long duplicatedDeals = perDeal.values().stream().filter(n -> n > 1).count();
            long signalsExecutedTwice = opensPerSignal.values().stream().filter(n -> n > 1).count();
            var verified = JournalVerifier.verify(journal());
            int reconciled = reconcileRows().size();
            System.out.printf("fault-injection | %s | fills before %d, after %d | duplicated deals %d | signals executed"
                            + " twice %d | reconcile rows %d | journal %s, %d rows%n", fault, fillsBefore, fills.size(),
                    duplicatedDeals, signalsExecutedTwice, reconciled, verified.intact() ? "intact" : "BROKEN", verified.rows());
            assertThat(duplicatedDeals).as("broker deals journaled twice").isZero();
            assertThat(signalsExecutedTwice).as("signals opened twice").isZero();
            assertThat(verified.intact()).as(verified.firstBad().orElse("")).isTrue();
        }

        /**
         * The broker's deal list (every stand-in that ran, from its log) against the journal's fills: no deal made
         * twice for one signal at the broker, and every deal journaled exactly once as a fill (one whose fill was on
         * the link or unwritten when the host died comes back in the next hello's recent deals, journaled as
         * recovered from the terminal's history). Call after {@link #report}.
         */
        void assertBrokerDealsJournaledOnce() {
            List<java.util.regex.Matcher> broker = brokerDeals().stream().map(BROKER_DEAL::matcher)
                    .filter(java.util.regex.Matcher::find).toList();
            Map<String, Long> brokerOpensPerKey = broker.stream().filter(m -> m.group(2).equals("ENTRY_IN")
                    && !m.group(4).isEmpty()).collect(Collectors.groupingBy(m -> m.group(4), Collectors.counting()));
            assertThat(brokerOpensPerKey.values()).as("orders the broker executed twice").allMatch(n -> n == 1);
            List<JournalRecord> fillRows = JournalRows.records(journal(), JournalKind.KIND_FILL);
            Map<Long, Long> journaled = fillRows.stream()
                    .collect(Collectors.groupingBy(r -> r.getFill().getDeal(), Collectors.counting()));
            for (var m : broker) {
                long dealId = Long.parseLong(m.group(1));
                assertThat(journaled.getOrDefault(dealId, 0L)).as("broker deal %d (position %s) journaled as a fill",
                        dealId, m.group(3)).isEqualTo(1L);
            }
            long recovered = fillRows.stream()
                    .filter(r -> r.getFillSource() == FillSource.FILL_SOURCE_TERMINAL_HISTORY).count();
            System.out.printf("fault-injection | broker deals %d, journaled fills %d (%d recovered from the terminal's"
                    + " history at hello)%n", broker.size(), journaled.size(), recovered);
        }

        @Override
        public void close() throws Exception {
            terminal.close();
            gateway.close();
            host.close();
        }
    }

    /** One step of a fault drill (a kill's meanwhile, a fault, its mend). */
    interface DrillStep {
        void run() throws Exception;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
