package com.vproptrader.ops.replay;

import com.vproptrader.marketdata.mt5.CsvMappingFile;
import com.vproptrader.host.app.HostConfig;
import com.vproptrader.host.feed.BrokerTime;
import com.vproptrader.marketdata.mt5.GenericCsv;
import com.vproptrader.marketdata.MarketSource;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.host.journal.Journal;
import com.vproptrader.proto.Counters;
import com.vproptrader.proto.Tick;
import com.vproptrader.sim.broker.BrokerConfig;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.SyntheticTicks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code replay run --data ticks.csv --plugins dir --journal out.db} replays a file through the full host and
 * prints the journal's digest; {@code replay digest out.db} prints the digest of an existing journal, so two
 * runs can be compared.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, subcommands = {ReplayMain.Run.class, ReplayMain.Digest.class},
        description = "Deterministic replay of recorded ticks through the host and the paper broker.")
public final class ReplayMain {

    @Command(name = "run", description = "Replay ticks and write the decision journal.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--data", description = "ticks file: MT5 'Export ticks', or any CSV with --csv-mapping "
                + "(default: synthetic ticks)")
        Path data;
        @Option(names = "--csv-mapping", description = "JSON header mapping for a generic CSV (columns, timestamp format, zone)")
        Path csvMapping;
        @Option(names = "--symbol", description = "symbol of the data (default ${DEFAULT-VALUE})")
        String symbol = "EURUSD";
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

        @Override
        public Integer call() throws Exception {
            HostConfig config = HostConfig.defaults().withPluginDir(plugins).withJournalFile(journal);
            SimBroker broker = new SimBroker(BrokerConfig.defaults().withAccountId("replay").withInitialBalance(balance)
                    .withSlippagePoints(slippage).withLatencyMsc(latencyMs));
            Replay.Result r;
            try (MarketSource<Tick> ticks = source()) {
                r = Replay.run(config, ticks, broker);
            }
            Counters c = r.counters();
            System.out.printf("replay: ticks=%d signals=%d orders=%d fills=%d vetoes=%d bad=%d balance=%.2f equity=%.2f%n",
                    c.getTicks(), c.getSignals(), c.getOrders(), c.getFills(), c.getVetoes(), c.getBadEvents(),
                    r.balance(), r.equity());
            System.out.println("journal digest: " + r.digest());
            return 0;
        }

        /** One ingest path whatever the file: every loader yields the same Tick messages the live link does. */
        private MarketSource<Tick> source() throws Exception {
            if (data == null) {
                return MarketSource.of(new SyntheticTicks(seed, symbol, count));
            }
            if (csvMapping == null) {
                return Mt5TickCsv.open(data, symbol);
            }
            return GenericCsv.ticks(Files.newBufferedReader(data), CsvMappingFile.load(csvMapping), BrokerTime.newYorkClose()::toServerMsc);
        }
    }

    @Command(name = "digest", description = "Print the digest (last chain hash) of a journal.")
    static final class Digest implements Callable<Integer> {
        @Parameters(paramLabel = "JOURNAL")
        Path journal;

        @Override
        public Integer call() {
            try (Journal j = Journal.open(journal)) {
                System.out.println(j.digest());
            }
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayMain()).execute(args));
    }
}
