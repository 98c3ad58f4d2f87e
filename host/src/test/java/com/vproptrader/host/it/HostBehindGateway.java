package com.vproptrader.host.it;

import com.vproptrader.gateway.GatewayMain;
import com.vproptrader.host.app.HostMain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host process and a gateway process in front of it, as the cross-process tests start them: the host on
 * {@code hostPort} (0 = any) with its journal in {@code dir}, and the link token it generated there on first start,
 * which a terminal must carry.
 */
public record HostBehindGateway(ChildProcess host, ChildProcess gateway, int hostPort, String gatewayPort, String token)
        implements AutoCloseable {

    public static HostBehindGateway start(Path dir, Path plugins, int hostPort) throws IOException, InterruptedException {
        return start(dir, hostArgs(dir, plugins, hostPort));
    }

    /** The host on its own command line (which must put its journal, hence its link token, in {@code dir}). */
    public static HostBehindGateway start(Path dir, String... hostArgs) throws IOException, InterruptedException {
        ChildProcess host = ChildProcess.start("host", HostMain.class, hostArgs);
        int port = Integer.parseInt(host.awaitLine("host ready on port (\\d+)", 60));
        String token = Files.readString(dir.resolve("link-token")).trim();
        ChildProcess gateway = ChildProcess.start("gateway", GatewayMain.class, "--port", "0", "--host", "127.0.0.1:" + port);
        return new HostBehindGateway(host, gateway, port, gateway.awaitLine("gateway listening on [^ ]+:(\\d+)", 60), token);
    }

    /** The host's command line: the same one starts it again on the same journal and state file. */
    public static String[] hostArgs(Path dir, Path plugins, int hostPort) {
        return new String[] {"--port", String.valueOf(hostPort), "--plugins", plugins.toString(),
                "--journal", dir.resolve("journal.db").toString()};
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        host.close();
    }
}
