package com.vproptrader.ui.views.plugins;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vproptrader.proto.PluginInfo;
import com.vproptrader.proto.PluginState;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.views.LiveBinding;
import com.vproptrader.ui.views.MainLayout;
import java.util.List;

/**
 * What the host runs: every plugin version, its state, and why it was quarantined or retired; an operator
 * sends a JAR (serving or as a shadow) and promotes a shadow here.
 */
@Route(value = "plugins", layout = MainLayout.class)
@PageTitle("Plugins · VPropTrader")
public final class PluginsView extends VerticalLayout {

    private final PluginFilterBar filterBar = new PluginFilterBar();
    private final PluginsGrid grid = new PluginsGrid();
    private final PluginActions actions = new PluginActions(
            () -> LiveBinding.feedOf(com.vaadin.flow.server.VaadinService.getCurrent()));
    private List<PluginInfo> latest = List.of();

    public PluginsView() {
        setId("plugins-view");
        add(actions, filterBar, grid);
        filterBar.addFilterChangedListener(e -> showFiltered());
        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        latest = snapshot.plugins();
        actions.showShadows(latest);
        actions.showServing(latest);
        int active = (int) latest.stream().filter(p -> p.getState() == PluginState.ACTIVE).count();
        int quarantined = (int) latest.stream().filter(p -> p.getState() == PluginState.QUARANTINED).count();
        filterBar.showCounts(active, quarantined, latest.size());
        showFiltered();
    }

    private void showFiltered() {
        grid.show(latest.stream().filter(filterBar.value()).toList());
    }
}
