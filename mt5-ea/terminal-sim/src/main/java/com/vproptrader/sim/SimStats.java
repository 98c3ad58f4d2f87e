package com.vproptrader.sim;

/**
 * A snapshot of what the stand-in did since start.
 *
 * @param connects         successful connections (each began with hello)
 * @param ticksSent        tick frames written
 * @param rowsRefused      data rows the tick validator refused (never sent, never seen by the broker)
 * @param barsSent         bar frames written (bar replays only)
 * @param commandsReceived host commands received (any type, heartbeats included)
 * @param signalsReceived  signal commands received
 * @param fillsSent        fill frames written (entries and exits)
 * @param rejectsSent      reject frames written
 * @param accountsSent     account frames written
 * @param errorsReceived   error frames received from the gateway, plus lines that could not be decoded
 * @param replayDone       the data ran out (never true when looping)
 * @param balance          account balance now
 * @param equity           account equity now, marked at the last tick
 * @param openPositions    positions open now
 */
public record SimStats(
        long connects,
        long ticksSent,
        long rowsRefused,
        long barsSent,
        long commandsReceived,
        long signalsReceived,
        long fillsSent,
        long rejectsSent,
        long accountsSent,
        long errorsReceived,
        boolean replayDone,
        double balance,
        double equity,
        int openPositions) {
}
