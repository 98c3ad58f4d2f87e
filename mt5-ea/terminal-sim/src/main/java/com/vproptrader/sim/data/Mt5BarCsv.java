package com.vproptrader.sim.data;

import com.vproptrader.proto.Bar;
import com.vproptrader.proto.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an MT5 "Export bars" file: {@code <DATE> <TIME> <OPEN> <HIGH> <LOW> <CLOSE> <TICKVOL> <VOL> <SPREAD>}
 * (daily exports have no TIME column). Bars are bid prices; the timeframe is not in the file, so it is
 * inferred from the smallest gap between the first bars (weekends make larger gaps, never smaller).
 */
public final class Mt5BarCsv {
    private Mt5BarCsv() {
    }

    public static boolean isBarHeader(String header) {
        Map<String, Integer> cols = Mt5Csv.header(header);
        return cols.containsKey("DATE") && cols.containsKey("OPEN") && cols.containsKey("CLOSE");
    }

    public static List<Bar> readAll(Path file, String symbol) throws IOException {
        List<Bar> bars = new ArrayList<>();
        try (BufferedReader in = Mt5Csv.open(file)) {
            String header = in.readLine();
            if (header == null || !isBarHeader(header)) {
                throw new IOException(file + ": not an MT5 bar export header: " + header);
            }
            Map<String, Integer> c = Mt5Csv.header(header);
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] r = Mt5Csv.split(line);
                bars.add(Bar.newBuilder()
                        .setSymbol(symbol)
                        .setOpenTimeMsc(Mt5Csv.epochMs(Mt5Csv.field(r, c.get("DATE")), Mt5Csv.field(r, c.get("TIME"))))
                        .setOpen(num(r, c.get("OPEN")))
                        .setHigh(num(r, c.get("HIGH")))
                        .setLow(num(r, c.get("LOW")))
                        .setClose(num(r, c.get("CLOSE")))
                        .setTickVolume((long) num(r, c.get("TICKVOL")))
                        .setRealVolume((long) num(r, c.get("VOL")))
                        .setSpreadPoints((int) num(r, c.get("SPREAD")))
                        .build());
            }
        }
        Timeframe tf = inferTimeframe(bars);
        bars.replaceAll(b -> b.toBuilder().setTimeframe(tf).build());
        return bars;
    }

    /** The timeframe whose length equals the smallest gap among the first 50 bars, else UNSPECIFIED. */
    static Timeframe inferTimeframe(List<Bar> bars) {
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < Math.min(bars.size(), 50); i++) {
            long gap = bars.get(i).getOpenTimeMsc() - bars.get(i - 1).getOpenTimeMsc();
            if (gap > 0) {
                minGap = Math.min(minGap, gap);
            }
        }
        for (Timeframe tf : Timeframe.values()) {
            if (tf != Timeframe.UNRECOGNIZED && tf.getNumber() > 0 && tf.getNumber() * 60_000L == minGap) {
                return tf;
            }
        }
        return Timeframe.TIMEFRAME_UNSPECIFIED;
    }

    private static double num(String[] row, Integer idx) {
        String f = Mt5Csv.field(row, idx);
        return f.isEmpty() ? 0 : Double.parseDouble(f);
    }
}
