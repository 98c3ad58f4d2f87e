package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.ErrorCode;
import java.util.Map;

/**
 * A snapshot of gateway counters since start.
 *
 * @param connectionsAccepted EA TCP connections accepted
 * @param connectionsActive   EA connections open now
 * @param linesIn             lines read from EAs, good and bad
 * @param eventsToHost        valid EA frames forwarded to the host as TerminalEvents
 * @param commandsFromHost    HostCommands received from the host
 * @param framesOut           lines written to EAs (commands, heartbeats, errors)
 * @param errors              error frames sent to EAs, by code (codes never sent are absent)
 */
public record GatewayStats(
        long connectionsAccepted,
        int connectionsActive,
        long linesIn,
        long eventsToHost,
        long commandsFromHost,
        long framesOut,
        Map<ErrorCode, Long> errors) {

    public long errors(ErrorCode code) {
        return errors.getOrDefault(code, 0L);
    }
}
