package com.vproptrader.ui.feed;

import com.vproptrader.proto.EquityPoint;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PositionView;
import com.vproptrader.proto.Status;
import java.util.List;

/**
 * Everything the UI knows about the host at one moment; immutable, replaced as a whole on each update.
 *
 * @param link      state of the UI ⇄ host link
 * @param linkError why the link is down ("" when up)
 * @param status    the host's latest status (default instance before the first one arrives)
 * @param plugins   every plugin version the host reported in its latest list
 * @param positions open positions at the latest update, their money in exact cents
 * @param equity    equity curve, oldest first, at most {@code UiConfig.equityPoints} points
 * @param updates   updates received since the UI started (shows the stream is alive)
 * @param lastUpdateMs UI wall clock (UTC ms) when the latest update arrived; 0 before the first
 * @param reports   the host's trade log, performance and digests as last polled
 */
public record AdminSnapshot(
        LinkState link,
        String linkError,
        Status status,
        List<PluginInfo> plugins,
        List<PositionView> positions,
        List<EquityPoint> equity,
        long updates,
        long lastUpdateMs,
        HostReports reports) {

    public AdminSnapshot {
        plugins = List.copyOf(plugins);
        positions = List.copyOf(positions);
        equity = List.copyOf(equity);
    }

    public static AdminSnapshot initial() {
        return new AdminSnapshot(LinkState.CONNECTING, "", Status.getDefaultInstance(), List.of(), List.of(),
                List.of(), 0, 0, HostReports.none());
    }

    /** True once a status has arrived from the host. */
    public boolean hasStatus() {
        return !status.equals(Status.getDefaultInstance());
    }

    /** True while the values are the host's current ones (link up and a status received). */
    public boolean live() {
        return link == LinkState.CONNECTED && hasStatus();
    }

    AdminSnapshot withLink(LinkState newLink, String error) {
        return new AdminSnapshot(newLink, error, status, plugins, positions, equity, updates, lastUpdateMs, reports);
    }

    AdminSnapshot withReports(HostReports newReports) {
        return new AdminSnapshot(link, linkError, status, plugins, positions, equity, updates, lastUpdateMs, newReports);
    }
}
