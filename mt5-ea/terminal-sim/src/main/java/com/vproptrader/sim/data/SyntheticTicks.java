package com.vproptrader.sim.data;

import com.vproptrader.proto.Tick;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * INVENTED ticks for tests and demos: a seeded random walk, never real prices. Same seed, same ticks, on any
 * JVM ({@link Random} is specified bit for bit). Each symbol moves by its {@link SymbolProfile}; the shape below
 * is EURUSD's (other symbols scale noise, spread and drift in their own points).
 *
 * <p>Shape: the mid moves in whole points (0.00001) with noise of ~1.5 points a tick; it alternates
 * between ranging stretches of 1500..4500 ticks (pulled back to an anchor) and short trending bursts of
 * 300..900 ticks (drift 0.25..0.45 points a tick, i.e. 1..4 pips a minute: news-like, steeper than a
 * quiet session) so that momentum strategies have something to find. Spread 6..15
 * points (0.6..1.5 pips), mostly near the low end. Ticks arrive 100..300 ms apart, Monday to Friday
 * only, starting Tuesday 2024-01-02 10:30 broker time (08:30 London, inside the session governors allow). Each tick changes bid, ask or both; flags say
 * which (2 bid, 4 ask), and the CSV leaves unchanged fields empty like MT5 does.
 */
public final class SyntheticTicks implements Iterator<Tick> {
    public static final long START_MSC = LocalDateTime.of(2024, 1, 2, 10, 30).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT);

    private final Random rnd;
    private final SymbolProfile profile;
    private final String symbol;
    private final double point;
    /** 10^digits: a price is rounded to the symbol's digits. */
    private final double scale;
    private final long count;
    private long produced;
    private long timeMsc = START_MSC;
    private long mid;                // points
    private long anchor;
    private int spread;              // points
    private long bid;
    private long ask;
    private double drift;            // points per tick
    private int regimeLeft;

    public SyntheticTicks(long seed, String symbol, long count) {
        this(seed, SymbolProfile.of(symbol), count);
    }

    /** Ticks moving as {@code profile} says (its digits, start, noise, spreads, drift). */
    public SyntheticTicks(long seed, SymbolProfile profile, long count) {
        this.rnd = new Random(seed);
        this.profile = profile;
        this.symbol = profile.symbol();
        this.point = profile.point();
        this.scale = Math.pow(10, profile.digits());
        this.count = count;
        this.mid = profile.startPoints();
        this.anchor = mid;
        this.spread = profile.spreadMin() + 2;
    }

    /** The file name that says what it is: {@code synthetic-EURUSD-ticks-seed42.csv}. */
    public static String fileName(String symbol, long seed) {
        return "synthetic-" + symbol + "-ticks-seed" + seed + ".csv";
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public Tick next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long newBid;
        long newAsk;
        do {
            step();
            newBid = mid - spread / 2;
            newAsk = newBid + spread;
        } while (newBid == bid && newAsk == ask); // MT5 only records a tick when a price changed
        int flags = (newBid != bid ? 2 : 0) | (newAsk != ask ? 4 : 0);
        bid = newBid;
        ask = newAsk;
        produced++;
        timeMsc = advanceTime(timeMsc + 100 + rnd.nextInt(201));
        return Tick.newBuilder().setSymbol(symbol).setTimeMsc(timeMsc)
                .setBid(round(bid * point)).setAsk(round(ask * point)).setFlags(flags).build();
    }

    private void step() {
        if (regimeLeft-- <= 0) {
            newRegime();
        }
        double pull = drift == 0 ? -0.002 * (mid - anchor) : 0;
        mid += Math.round(drift + pull + rnd.nextGaussian() * profile.noise());
        if (rnd.nextDouble() < 0.2) {
            double u = rnd.nextDouble();
            spread = profile.spreadMin() + (int) Math.floor(u * u * profile.spreadRange()); // skewed towards the minimum
        }
    }

    private void newRegime() {
        if (drift == 0 && rnd.nextDouble() < 0.6) {
            drift = (rnd.nextBoolean() ? 1 : -1) * (profile.driftMin() + profile.driftRange() * rnd.nextDouble());
            regimeLeft = 300 + rnd.nextInt(600);
        } else {
            drift = 0;
            anchor = mid;
            regimeLeft = 1_500 + rnd.nextInt(3_000);
        }
    }

    private static final long DAY_MS = 86_400_000L;
    private static final long FIVE_MINUTES_MS = 300_000L;

    /**
     * Saturday and Sunday have no ticks: jump to Monday 00:05 (UTC). Day arithmetic on the epoch millisecond, as
     * every tick pays it; {@code SyntheticTicksTest} holds it to {@code java.time}'s calendar.
     */
    static long advanceTime(long msc) {
        long day = Math.floorDiv(msc, DAY_MS);
        int weekday = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday: 0 = Monday .. 6 = Sunday
        if (weekday >= 5) {
            return (day + (weekday == 5 ? 2 : 1)) * DAY_MS + FIVE_MINUTES_MS;
        }
        return msc;
    }

    private double round(double price) {
        return Math.round(price * scale) / scale;
    }

    /** Writes {@code count} ticks in MT5 "Export ticks" layout into {@code dir}; returns the file. */
    public static Path write(Path dir, long seed, String symbol, long count) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(symbol, seed));
        SyntheticTicks ticks = new SyntheticTicks(seed, symbol, count);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n");
            while (ticks.hasNext()) {
                Tick t = ticks.next();
                LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(t.getTimeMsc()), ZoneOffset.UTC);
                w.write(DATE.format(at) + "\t" + TIME.format(at) + "\t"
                        + ((t.getFlags() & 2) != 0 ? String.format(Locale.ROOT, "%.5f", t.getBid()) : "") + "\t"
                        + ((t.getFlags() & 4) != 0 ? String.format(Locale.ROOT, "%.5f", t.getAsk()) : "") + "\t"
                        + "\t\t" + t.getFlags() + "\r\n");
            }
        }
        return file;
    }

    /** Build-time generator (exec-maven-plugin) and command-line tool. */
    @Command(name = "synthetic-ticks", mixinStandardHelpOptions = true,
            description = "Writes invented EURUSD-like ticks in MT5 'Export ticks' layout.")
    static final class Cli implements Callable<Integer> {
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--ticks", defaultValue = "20000") long ticks;
        @Option(names = "--symbol", defaultValue = "EURUSD") String symbol;
        @Option(names = "--out-dir", required = true) Path outDir;

        @Override
        public Integer call() throws IOException {
            System.out.println("wrote SYNTHETIC ticks " + write(outDir, seed, symbol, ticks));
            return 0;
        }
    }

    public static void main(String[] args) {
        int rc = new CommandLine(new Cli()).execute(args);
        if (rc != 0) {
            // exec:java runs in Maven's JVM: throw instead of System.exit so the build fails cleanly.
            throw new IllegalStateException("synthetic-ticks failed with exit code " + rc);
        }
    }
}
