package com.vproptrader.ops.replay;

import com.vproptrader.host.govern.pack.RulePackLoader;
import com.vproptrader.host.time.ServerClock;

import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.journal.JournalVerifier;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.marketdata.mt5.CsvMappingFile;
import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.marketdata.quality.ValidationConfigFile;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.broker.SymbolSpecs;
import com.vproptrader.sim.data.SyntheticTicks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongUnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay run} replays a file through the full host and the paper broker and prints the journal's digest;
 * {@code replay verify J} proves a journal row by row; {@code replay digest J} prints its recomputed digest, so
 * two runs can be compared. Exit codes: 0 done, 1 a journal failed verification, 2 bad usage or input.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        subcommands = {ReplayMain.Run.class, ReplayMain.Verify.class, ReplayMain.Digest.class},
        description = "Deterministic replay of recorded ticks through the host and the paper broker.")
public final class ReplayMain {
    static final int BAD_JOURNAL = 1;
    static final int BAD_INPUT = 2;
    static final String DEFAULT_PACK = "ftmo-2step";

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Replay ticks and write the decision journal.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--data", description = "ticks file: MT5 'Export ticks', or any CSV with --csv-mapping "
                + "(default: synthetic ticks)")
        Path data;
        @Option(names = "--csv-mapping", description = "JSON header mapping for a generic CSV (columns, timestamp format, zone)")
        Path csvMapping;
        @Option(names = "--symbol", description = "symbol of the data; must have a spec (default ${DEFAULT-VALUE})")
        String symbol = "EURUSD";
        @Option(names = "--symbol-spec", paramLabel = "FILE", description = "JSON symbol specs for the paper broker "
                + "(format in ops/RUNBOOK.md); default: the built-in EURUSD, GBPUSD, USDJPY, EURGBP, XAUUSD")
        Path symbolSpec;
        @Option(names = "--file-zone", paramLabel = "server|UTC|ZONE", description = "zone the MT5 file's times are "
                + "written in: 'server' (broker server time, as MT5 exports) or UTC / a zone id, converted to server "
                + "time (GMT+2/+3, New York close) (default ${DEFAULT-VALUE})")
        String fileZone = "server";
        @Option(names = "--rule-pack", description = "bundled rule pack (ftmo-2step, ftmo-1step, the5ers-high-stakes, "
                + "fundednext-stellar-2step) or a rule pack JSON file (default ftmo-2step; with --from-journal, the session's)")
        String rulePack;
        @Option(names = "--validation", paramLabel = "FILE", description = "JSON tick-validation thresholds, "
                + "e.g. a wider absurd-jump limit for a volatile symbol (format in ops/RUNBOOK.md)")
        Path validation;
        @Option(names = "--synthetic-seed", description = "seed of synthetic ticks (default ${DEFAULT-VALUE})")
        long seed = 42;
        @Option(names = "--synthetic-ticks", description = "number of synthetic ticks (default ${DEFAULT-VALUE})")
        long count = 20_000;
        @Option(names = "--plugins", required = true, description = "plugin folder")
        Path plugins;
        @Option(names = "--journal", required = true, description = "journal to write (replaced)")
        Path journal;
        @Option(names = "--balance", description = "initial balance (default ${DEFAULT-VALUE})")
        double balance = 100_000;
        @Option(names = "--slippage-points", description = "paper broker: largest adverse slippage (default ${DEFAULT-VALUE})")
        int slippage = 1;
        @Option(names = "--latency-ms", description = "paper broker: order latency in server time (default ${DEFAULT-VALUE})")
        long latencyMs = 0;
        @Option(names = "--spread-cap", paramLabel = "POINTS", description = "the spread filter's absolute cap in "
                + "points for this replay (default: the filter's own, 30 points)")
        double spreadCap;
        @Option(names = "--macro", paramLabel = "FILE", description = "macro config (docs/macro.md): the replay "
                + "reads what its stores hold and fetches nothing")
        Path macro;
        @Option(names = "--from-journal", paramLabel = "LIVE_JOURNAL", description = "replay a live session from its "
                + "journal instead of a ticks file: its inbound events in the order the live loop took them, with the "
                + "latency samples it journaled, through the plugins in --plugins (the versions the session ran) and the "
                + "rule pack it ran (from the journal; --rule-pack must name the same pack); then compare every decision "
                + "record with the live one byte for byte. Exit 0 identical, 1 naming the first differing record")
        Path fromJournal;

        @Override
        public Integer call() throws Exception {
            try {
                return replay();
            } catch (IllegalArgumentException | com.vproptrader.host.govern.pack.RulePackException e) {
                // a bad spec, validation or rule pack file, or an unknown pack name: say which, no stack trace
                System.err.println("replay: " + e.getMessage());
                return BAD_INPUT;
            }
        }

        private int replay() throws Exception {
            if (fromJournal != null) {
                return replaySession();
            }
            SymbolSpecs specs = symbolSpec == null ? SymbolSpecs.builtIn() : SymbolSpecs.load(symbolSpec);
            if (specs.get(symbol).isEmpty()) {
                System.err.println("replay: unknown symbol " + symbol + ": the paper broker has specs for "
                        + specs.symbols() + "; give its spec with --symbol-spec FILE");
                return BAD_INPUT;
            }
            if (data != null && !Files.isRegularFile(data)) {
                System.err.println("replay: no data file " + data);
                return BAD_INPUT;
            }
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal)
                    .withSpreadCapPoints(spreadCap).withMacroFile(macro)
                    .withRulePack(rulePack == null ? DEFAULT_PACK : rulePack);
            if (validation != null) {
                config = config.withValidation(ValidationConfigFile.load(validation));
            }
            SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("replay").withInitialBalance(balance)
                    .withSymbols(specs).withSlippagePoints(slippage).withLatencyMsc(latencyMs));
            Replay.Result r;
            try (MarketSource<Tick> ticks = source(RulePackLoader.load(config.rulePack()).serverTimeZone())) {
                r = Replay.run(config, ticks, broker);
            }
            Counters c = r.counters();
            System.out.printf("replay: ticks=%d signals=%d orders=%d fills=%d vetoes=%d bad=%d balance=%.2f equity=%.2f%n",
                    c.getTicks(), c.getSignals(), c.getOrders(), c.getFills(), c.getVetoes(), c.getBadEvents(),
                    r.balance(), r.equity());
            r.refused().report().forEach(line -> System.out.println("refused rows: " + line));
            System.out.println("journal digest: " + r.digest());
            return 0;
        }

        private int replaySession() throws Exception {
            if (!Files.isRegularFile(fromJournal)) {
                System.err.println("replay: no journal " + fromJournal);
                return BAD_INPUT;
            }
            if (fromJournal.toAbsolutePath().normalize().equals(journal.toAbsolutePath().normalize())) {
                System.err.println("replay: --journal must be another file than --from-journal (it is replaced)");
                return BAD_INPUT;
            }
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal)
                    .withSpreadCapPoints(spreadCap).withMacroFile(macro).withRulePack(rulePack != null ? rulePack : SessionReplay.rulePackOf(fromJournal).orElse(DEFAULT_PACK));
            if (validation != null) {
                config = config.withValidation(ValidationConfigFile.load(validation));
            }
            SessionReplay.Result r;
            try {
                r = SessionReplay.run(config, fromJournal);
            } catch (IllegalStateException e) {
                System.err.println("replay: " + e.getMessage());
                return BAD_INPUT;
            }
            r.warnings().forEach(w -> System.err.println("replay: warning: " + w));
            if (r.firstDifference().isPresent()) {
                System.err.println("replay: decisions differ from the live session at the first differing "
                        + r.firstDifference().get());
                return BAD_JOURNAL;
            }
            System.out.println("replay: " + r.decisions() + " decision records identical to the live session's; journal "
                    + journal);
            return 0;
        }

        /** One ingest path whatever the file: every loader yields the same Tick messages the live link does. */
        /** The file's times in the rule pack's server clock (the one model of server time). */
        private MarketSource<Tick> source(ServerClock server) throws IOException {
            if (data == null) {
                return MarketSource.of(new SyntheticTicks(seed, symbol, count));
            }
            if (csvMapping != null) {
                return GenericCsv.ticks(Files.newBufferedReader(data), CsvMappingFile.load(csvMapping), server::toServerMsc);
            }
            Mt5TickCsv mt5 = Mt5TickCsv.open(data, symbol);
            if (fileZone.equalsIgnoreCase("server")) {
                return mt5;
            }
            // The file's wall-clock times are in fileZone: back to UTC, then to the broker's server clock.
            java.time.ZoneId zone = java.time.ZoneId.of(fileZone);
            LongUnaryOperator toServer = asIfUtc -> server.toServerMsc(java.time.LocalDateTime.ofEpochSecond(
                            Math.floorDiv(asIfUtc, 1000), (int) Math.floorMod(asIfUtc, 1000) * 1_000_000, java.time.ZoneOffset.UTC)
                    .atZone(zone).toInstant().toEpochMilli());
            return new MarketSource<>() {
                @Override
                public Tick next() throws IOException {
                    Tick t = mt5.next();
                    return t == null ? null : t.toBuilder().setTimeMsc(toServer.applyAsLong(t.getTimeMsc())).build();
                }

                @Override
                public long line() {
                    return mt5.line();
                }

                @Override
                public void close() throws IOException {
                    mt5.close();
                }
            };
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute a journal's hash chain from its first row; exit 1 naming the first bad record "
                    + "(seq, kind, event time), 2 when the file is missing or not a journal.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "JOURNAL")
        Path journal;

        @Override
        public Integer call() {
            return checked(journal, r -> System.out.println("journal " + journal + ": intact, " + r.rows()
                    + " rows, digest " + r.digest()));
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            description = "Print a journal's digest, recomputed from its first row (the same check as verify).")
    static final class Digest implements Callable<Integer> {
        @Parameters(paramLabel = "JOURNAL")
        Path journal;

        @Override
        public Integer call() {
            return checked(journal, r -> System.out.println(r.digest()));
        }
    }

    /** Verifies {@code journal} and prints what {@code intact} says when it is; else the first bad record. */
    private static int checked(Path journal, java.util.function.Consumer<JournalVerifier.Result> intact) {
        try {
            JournalVerifier.Result r = JournalVerifier.verify(journal);
            if (!r.intact()) {
                System.err.println("journal " + journal + ": first bad record: " + r.firstBad().get()
                        + "; rows before it are intact (" + r.rows() + ")");
                return BAD_JOURNAL;
            }
            intact.accept(r);
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("replay: no journal " + journal);
            return BAD_INPUT;
        } catch (java.sql.SQLException e) {
            System.err.println("replay: " + journal + " is not a readable journal: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayMain()).execute(args));
    }
}
