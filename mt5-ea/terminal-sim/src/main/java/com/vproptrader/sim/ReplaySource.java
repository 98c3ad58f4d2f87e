package com.vproptrader.sim;

import com.vproptrader.marketdata.mt5.Mt5BarCsv;
import com.vproptrader.marketdata.mt5.Mt5TickCsv;
import com.vproptrader.marketdata.quality.RefusedRows;
import com.vproptrader.marketdata.quality.TickRejection;
import com.vproptrader.marketdata.quality.TickValidator;
import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.BarTicks;
import com.vproptrader.sim.data.SyntheticMarket;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay as a stream of {@link ReplayStep}s: ticks from an MT5 tick export, four ticks per bar from
 * an MT5 bar export, or synthetic ticks. In loop mode each pass is shifted forward in time so that
 * server time never runs backwards.
 *
 * <p>Every tick goes through the same {@link TickValidator} as the host's feed before anyone sees it: a row
 * it refuses (NaN, non-positive, crossed, out of order, duplicate, absurd jump) never reaches the broker, so it
 * cannot fill a stop, and is never sent. Refusals are logged with their line number and counted.
 */
public final class ReplaySource implements Iterator<ReplayStep>, Closeable {
    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);

    private final SimConfig cfg;
    private final TickValidator validator;
    private final RefusedRows refused = new RefusedRows();
    private volatile long refusedCount; // read by stats() on other threads
    private Iterator<ReplayStep> pass;
    private LongSupplier passLine = () -> 0;
    private Closeable passResource;
    private long offset;
    private final java.util.concurrent.atomic.AtomicLong clockJump = new java.util.concurrent.atomic.AtomicLong();
    private long firstOfPass = Long.MIN_VALUE;
    private long lastTime;
    private ReplayStep next;

    private ReplaySource(SimConfig cfg) throws IOException {
        this.cfg = cfg;
        this.validator = new TickValidator(cfg.validation());
        openPass();
    }

    public static ReplaySource open(SimConfig cfg) throws IOException {
        return new ReplaySource(cfg);
    }

    private void openPass() throws IOException {
        if (cfg.dataFile() == null) {
            pass = map(SyntheticMarket.of(cfg.syntheticSeed(), cfg.symbol(), cfg.syntheticTicks()));
            passResource = null;
            passLine = () -> 0;
        } else if (isBarFile()) {
            pass = barSteps(Mt5BarCsv.readAll(cfg.dataFile(), cfg.symbol())).iterator();
            passResource = null;
            passLine = () -> 0;
        } else {
            Mt5TickCsv csv = Mt5TickCsv.open(cfg.dataFile(), cfg.symbol());
            pass = map(csv);
            passResource = csv;
            passLine = csv::line;
        }
    }

    private boolean isBarFile() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(cfg.dataFile(), StandardCharsets.ISO_8859_1)) {
            String header = r.readLine();
            // Cheap sniff that survives a UTF-16 file: look for the column name, not the exact header.
            return header != null && header.replace("\0", "").contains("<OPEN>");
        }
    }

    private static Iterator<ReplayStep> map(Iterator<com.vproptrader.proto.Tick> ticks) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ticks.hasNext();
            }

            @Override
            public ReplayStep next() {
                return new ReplayStep(ticks.next(), null);
            }
        };
    }

    private static Iterator<ReplayStep> map(Mt5TickCsv ticks) {
        return new Iterator<>() {
            private com.vproptrader.proto.Tick next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = ticks.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public ReplayStep next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ReplayStep step = new ReplayStep(next, null);
                next = null;
                return step;
            }
        };
    }

    /**
     * Moves the server clock forward by {@code millis} from the next tick read on: every later tick (and every later
     * pass of a loop) comes that much later, as when a terminal's clock is corrected or it wakes after a suspend.
     * Safe from any thread.
     */
    public void jumpClock(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("the server clock only jumps forward, not by " + millis + " ms");
        }
        clockJump.addAndGet(millis);
    }

    /** How many rows the validator refused so far; safe from any thread. */
    public long refusedCount() {
        return refusedCount;
    }

    /** The refusals per reason with their first line numbers; call from the replay thread or after it ended. */
    public RefusedRows refused() {
        return refused;
    }

    private List<ReplayStep> barSteps(List<Bar> bars) {
        int digits = SimBroker.eurusdLike(cfg.symbol()).getDigits();
        List<ReplayStep> steps = new ArrayList<>(bars.size() * 4);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            long millis = b.getTimeframe() != Timeframe.TIMEFRAME_UNSPECIFIED ? b.getTimeframe().getNumber() * 60_000L
                    : i + 1 < bars.size() ? bars.get(i + 1).getOpenTimeMsc() - b.getOpenTimeMsc() : 60_000L;
            var ticks = BarTicks.expand(b, digits, millis);
            for (int k = 0; k < ticks.size(); k++) {
                steps.add(new ReplayStep(ticks.get(k), k == ticks.size() - 1 ? b : null));
            }
        }
        return steps;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            if (!pass.hasNext() && cfg.loop() && firstOfPass != Long.MIN_VALUE) {
                close();
                offset += lastTime - firstOfPass + 1_000;
                firstOfPass = Long.MIN_VALUE;
                openPass();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (pass.hasNext()) {
            long jump = clockJump.getAndSet(0);
            if (jump > 0) {
                offset += jump;
                log.info("server clock jumped forward by {} ms at the next tick", jump);
            }
            ReplayStep raw = pass.next();
            ReplayStep step = raw.shifted(offset);
            TickRejection reason = validator.validate(step.tick());
            if (reason != null) {
                refuse(reason, passLine.getAsLong(), step);
                continue;
            }
            if (firstOfPass == Long.MIN_VALUE) {
                firstOfPass = raw.tick().getTimeMsc();
            }
            next = step;
            lastTime = raw.tick().getTimeMsc();
            return true;
        }
        return false;
    }

    private void refuse(TickRejection reason, long line, ReplayStep step) {
        refused.refused(reason, line);
        refusedCount++;
        if (refused.count(reason) <= RefusedRows.FIRST_LINES) {
            log.warn("refused {} at line {} of {}: {}", reason, line, cfg.dataFile(), step.tick().toString().replace('\n', ' '));
        }
    }

    /** The tick {@link #next()} will return; call after {@link #hasNext()} returned true. */
    com.vproptrader.proto.Tick peekTick() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.tick();
    }

    @Override
    public ReplayStep next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReplayStep s = next;
        next = null;
        return s;
    }

    @Override
    public void close() throws IOException {
        if (passResource != null) {
            passResource.close();
            passResource = null;
        }
    }
}
