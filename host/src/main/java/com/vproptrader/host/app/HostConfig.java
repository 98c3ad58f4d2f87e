package com.vproptrader.host.app;

import com.vproptrader.marketdata.quality.ValidationConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a host needs to run one account. Defaults are the embedded demo set-up: SQLite files in the
 * working folder, plugins from {@code plugins/}, gRPC on loopback port 50051, FTMO 2-Step rules.
 *
 * @param bindAddress      interface the gRPC server listens on (loopback by default)
 * @param grpcPort         TCP port of the gRPC server (TerminalLink + AdminService); 0 picks a free port
 * @param pluginDir        folder watched for plugin JARs
 * @param journalFile      SQLite file of the decision journal (created when missing)
 * @param stateFile        SQLite file of the governors' state (engine state, day anchor, peak), kept across restarts
 * @param rulePack         bundled rule pack name (e.g. "ftmo-2step") or a path to a rule pack JSON file
 * @param calendarFile     JSON file of restricted news events and market breaks ({@code CalendarFile}); null = none
 * @param accountId        the broker login this host trades; "" accepts the first terminal that says hello
 * @param token            shared secret a terminal's hello must carry; "" disables the check
 * @param pluginCallBudget time a plugin may take for one call before it is quarantined
 * @param signalTtl        how long after the deciding tick a signal stays executable (server time)
 * @param minAlphaStrength an alpha's strength below this is not a candidate
 * @param historyLength    mid prices kept per symbol for the alphas
 * @param validation       the tick validator's thresholds (absurd-jump limits per symbol), also used by a
 *                         replay's paper broker so both refuse the same rows
 * @param macroFile        macro config (FRED, economic calendar export, headline feeds: docs/macro.md); null = none
 * @param spreadCapPoints  the spread filters' absolute cap in points, given to them in FilterInput; 0 = their own
 */
public record HostConfig(
        String bindAddress,
        int grpcPort,
        Path pluginDir,
        Path journalFile,
        Path stateFile,
        String rulePack,
        Path calendarFile,
        String accountId,
        String token,
        Duration pluginCallBudget,
        Duration signalTtl,
        double minAlphaStrength,
        int historyLength,
        ValidationConfig validation,
        Path macroFile,
        double spreadCapPoints) {

    public static HostConfig defaults() {
        return new HostConfig("127.0.0.1", 50051, Path.of("plugins"), Path.of("journal.db"), Path.of("state.db"),
                "ftmo-2step", null, "", "", Duration.ofMillis(250), Duration.ofSeconds(30), 0.5, 64,
                ValidationConfig.defaults(), null, 0);
    }

    public HostConfig withGrpcPort(int port) {
        return new HostConfig(bindAddress, port, pluginDir, journalFile, stateFile, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withPluginDir(Path dir) {
        return new HostConfig(bindAddress, grpcPort, dir, journalFile, stateFile, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    /** The journal, with the governors' state file beside it. */
    public HostConfig withJournalFile(Path file) {
        Path state = file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.db)?$", "-state.db"));
        return new HostConfig(bindAddress, grpcPort, pluginDir, file, state, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withRulePack(String pack) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, pack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withCalendarFile(Path file) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, file, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withToken(String newToken) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, calendarFile, accountId, newToken,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withAccountId(String id) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, calendarFile, id, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, spreadCapPoints);
    }

    public HostConfig withValidation(ValidationConfig v) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, v, macroFile, spreadCapPoints);
    }

    /** The spread filters' absolute cap in points (0 = each filter's own default). */
    public HostConfig withSpreadCapPoints(double points) {
        if (!(points >= 0) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("spread cap must be a number of points >= 0, not " + points);
        }
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, macroFile, points);
    }

    public HostConfig withMacroFile(Path file) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, stateFile, rulePack, calendarFile, accountId, token,
                pluginCallBudget, signalTtl, minAlphaStrength, historyLength, validation, file, spreadCapPoints);
    }
}
