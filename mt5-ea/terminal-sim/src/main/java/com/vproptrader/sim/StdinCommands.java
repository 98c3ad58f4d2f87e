package com.vproptrader.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Commands typed to a running stand-in ({@code --stdin-commands}), one a line; each answers with one line on
 * standard output. {@code clock-jump DURATION} moves the server clock forward (ISO-8601, e.g. {@code PT26H});
 * {@code market-pause} holds the market still (no ticks) and lists the open positions, {@code market-resume} lets it
 * go on; {@code close-all} closes every position by hand, as a trader at the terminal would (host connected or not).
 */
final class StdinCommands {
    private StdinCommands() {
    }

    static void start(TerminalSim sim) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String answer;
                    try {
                        answer = run(sim, line.trim());
                    } catch (RuntimeException e) {
                        answer = "command '" + line.trim() + "' failed: " + e;
                    }
                    System.out.println(answer);
                }
            } catch (IOException e) {
                System.out.println("stdin commands ended: " + e);
            }
        }, "sim-stdin");
        t.setDaemon(true);
        t.start();
    }

    /** One command; returns the answer line. */
    static String run(TerminalSim sim, String line) {
        String[] words = line.split("\\s+");
        if (words.length == 2 && words[0].equals("clock-jump")) {
            try {
                Duration by = Duration.parse(words[1]);
                sim.jumpClock(by);
                return "clock-jump " + by + ": the server clock moves forward at the next tick";
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return "clock-jump refused: " + e.getMessage();
            }
        }
        if (line.equals("market-pause")) {
            return "market paused with " + sim.pauseMarket().stream()
                    .map(p -> "ticket=" + p.getTicket() + " sl=" + p.getSl() + " volume=" + p.getVolume())
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (line.equals("market-resume")) {
            sim.resumeMarket();
            return "market resumed";
        }
        if (line.equals("close-all")) {
            return "closed by hand: deals " + sim.closeAllByHand().stream().map(f -> Long.toString(f.getDeal()))
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return "unknown command '" + line + "' (known: clock-jump DURATION, market-pause, market-resume, close-all)";
    }
}
