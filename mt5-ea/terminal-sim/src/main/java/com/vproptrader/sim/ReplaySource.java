package com.vproptrader.sim;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import com.vproptrader.sim.broker.SimBroker;
import com.vproptrader.sim.data.BarTicks;
import com.vproptrader.sim.data.Mt5BarCsv;
import com.vproptrader.sim.data.Mt5TickCsv;
import com.vproptrader.sim.data.SyntheticTicks;
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

/**
 * The replay as a stream of {@link ReplayStep}s: ticks from an MT5 tick export, four ticks per bar from
 * an MT5 bar export, or synthetic ticks. In loop mode each pass is shifted forward in time so that
 * server time never runs backwards.
 */
final class ReplaySource implements Iterator<ReplayStep>, Closeable {
    private final SimConfig cfg;
    private Iterator<ReplayStep> pass;
    private Closeable passResource;
    private long offset;
    private long firstOfPass = Long.MIN_VALUE;
    private long lastTime;
    private ReplayStep next;

    private ReplaySource(SimConfig cfg) throws IOException {
        this.cfg = cfg;
        openPass();
    }

    static ReplaySource open(SimConfig cfg) throws IOException {
        return new ReplaySource(cfg);
    }

    private void openPass() throws IOException {
        if (cfg.dataFile() == null) {
            SyntheticTicks t = new SyntheticTicks(cfg.syntheticSeed(), cfg.symbol(), cfg.syntheticTicks());
            pass = map(t);
            passResource = null;
        } else if (isBarFile()) {
            pass = barSteps(Mt5BarCsv.readAll(cfg.dataFile(), cfg.symbol())).iterator();
            passResource = null;
        } else {
            Mt5TickCsv csv = Mt5TickCsv.open(cfg.dataFile(), cfg.symbol());
            pass = map(csv);
            passResource = csv;
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
        if (!pass.hasNext()) {
            return false;
        }
        ReplayStep raw = pass.next();
        if (firstOfPass == Long.MIN_VALUE) {
            firstOfPass = raw.tick().getTimeMsc();
        }
        next = raw.shifted(offset);
        lastTime = raw.tick().getTimeMsc();
        return true;
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
