package com.vproptrader.host.plugin;

/**
 * One serving plugin version and its extension instance, as the event loop sees it.
 *
 * @param pluginId  the manifest's Plugin-Id
 * @param version   the manifest's Plugin-Version
 * @param kind      "alpha", "filter" or "model"
 * @param extension the extension instance; call it only through {@link PluginHost#call}
 */
public record PluginSlot<T>(String pluginId, String version, String kind, T extension) {
    public String label() {
        return pluginId + "@" + version;
    }
}
