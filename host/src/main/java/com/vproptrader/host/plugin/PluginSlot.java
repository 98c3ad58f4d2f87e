package com.vproptrader.host.plugin;

/**
 * One serving plugin version and its extension instance, as the event loop sees it. Compared by identity: each
 * catalog view builds its own slots.
 */
public final class PluginSlot<T> {
    private final String pluginId;
    private final String version;
    private final String kind;
    private final T extension;
    /** id@version, built once: every vote and entry record names it. */
    private final String label;

    /**
     * @param pluginId  the manifest's Plugin-Id
     * @param version   the manifest's Plugin-Version
     * @param kind      "alpha", "filter" or "model"
     * @param extension the extension instance; call it only through {@link PluginHost#call}
     */
    public PluginSlot(String pluginId, String version, String kind, T extension) {
        this.pluginId = pluginId;
        this.version = version;
        this.kind = kind;
        this.extension = extension;
        this.label = pluginId + "@" + version;
    }

    public String pluginId() {
        return pluginId;
    }

    public String version() {
        return version;
    }

    public String kind() {
        return kind;
    }

    public T extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return kind + " " + label;
    }
}
