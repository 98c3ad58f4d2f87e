package com.vproptrader.ui.views.plugins;

import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import java.util.function.Predicate;

/** Which plugin versions the Plugins page lists. */
public enum PluginFilter implements Predicate<PluginInfo> {
    ALL("All versions"),
    CURRENT("Serving or loading"),
    QUARANTINED("Quarantined");

    private final String label;

    PluginFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public boolean test(PluginInfo p) {
        return switch (this) {
            case ALL -> true;
            case CURRENT -> p.getState() == PluginState.ACTIVE || p.getState() == PluginState.LOADING;
            case QUARANTINED -> p.getState() == PluginState.QUARANTINED;
        };
    }
}
