package com.vproptrader.host.app;

import com.vproptrader.host.plugin.JarAllowList;

/**
 * How a host is hardened for production, beside what it trades ({@link HostConfig}): all off by default, so
 * tests and the demo run as before.
 *
 * @param pluginAllowList which plugin JARs may load (SHA-256 allow list, or off)
 */
public record Deployment(JarAllowList pluginAllowList) {
    public static Deployment defaults() {
        return new Deployment(JarAllowList.off());
    }
}
