package com.vproptrader.host.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a host needs to run one account. Defaults are the embedded demo set-up: SQLite journal in
 * the working folder, plugins from {@code plugins/}, gRPC on 50051.
 *
 * @param bindAddress       interface the gRPC server listens on (loopback by default)
 * @param grpcPort          TCP port of the gRPC server (TerminalLink + AdminService); 0 picks a free port
 * @param pluginDir         folder watched for plugin JARs
 * @param journalFile       SQLite file of the decision journal (created when missing)
 * @param accountId         the broker login this host trades; "" accepts the first terminal that says hello
 * @param token             shared secret a terminal's hello must carry; "" disables the check
 * @param pluginCallBudget  time a plugin may take for one call before it is quarantined
 * @param signalTtl         how long after the deciding tick a signal stays executable (server time)
 * @param minAlphaStrength  an alpha's strength below this is not a candidate
 * @param tradeVolumeLots   fixed order size until risk sizing is wired in
 * @param historyLength     mid prices kept per symbol for the alphas
 */
public record HostConfig(
        String bindAddress,
        int grpcPort,
        Path pluginDir,
        Path journalFile,
        String accountId,
        String token,
        Duration pluginCallBudget,
        Duration signalTtl,
        double minAlphaStrength,
        double tradeVolumeLots,
        int historyLength) {

    public static HostConfig defaults() {
        return new HostConfig("127.0.0.1", 50051, Path.of("plugins"), Path.of("journal.db"), "", "",
                Duration.ofMillis(250), Duration.ofSeconds(30), 0.5, 0.10, 64);
    }

    public HostConfig withGrpcPort(int port) {
        return new HostConfig(bindAddress, port, pluginDir, journalFile, accountId, token, pluginCallBudget, signalTtl,
                minAlphaStrength, tradeVolumeLots, historyLength);
    }

    public HostConfig withPluginDir(Path dir) {
        return new HostConfig(bindAddress, grpcPort, dir, journalFile, accountId, token, pluginCallBudget, signalTtl,
                minAlphaStrength, tradeVolumeLots, historyLength);
    }

    public HostConfig withJournalFile(Path file) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, file, accountId, token, pluginCallBudget, signalTtl,
                minAlphaStrength, tradeVolumeLots, historyLength);
    }

    public HostConfig withToken(String newToken) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, accountId, newToken, pluginCallBudget, signalTtl,
                minAlphaStrength, tradeVolumeLots, historyLength);
    }

    public HostConfig withAccountId(String id) {
        return new HostConfig(bindAddress, grpcPort, pluginDir, journalFile, id, token, pluginCallBudget, signalTtl,
                minAlphaStrength, tradeVolumeLots, historyLength);
    }
}
