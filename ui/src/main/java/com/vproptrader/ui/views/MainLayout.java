package com.vproptrader.ui.views;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vproptrader.ui.feed.AdminSnapshot;
import com.vproptrader.ui.feed.LinkState;
import com.vproptrader.ui.views.compliance.ComplianceView;
import com.vproptrader.ui.views.learning.LearningView;
import com.vproptrader.ui.views.overview.OverviewView;
import com.vproptrader.ui.views.plugins.PluginsView;

/** Navigation and the always-visible state of the link to the host. */
public final class MainLayout extends AppLayout {

    private final StatusBadge link = new StatusBadge("host-link");
    private final Span target = new Span();

    public MainLayout() {
        H1 title = new H1("VPropTrader");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        target.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, link, target);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", OverviewView.class));
        nav.addItem(new SideNavItem("Plugins", PluginsView.class));
        nav.addItem(new SideNavItem("Compliance", ComplianceView.class));
        nav.addItem(new SideNavItem("Learning", LearningView.class));
        addToDrawer(nav);

        LiveBinding.bind(this, this::render);
    }

    private void render(AdminSnapshot snapshot) {
        LinkState state = snapshot.link();
        link.show("Host " + state.name().toLowerCase(java.util.Locale.ROOT),
                switch (state) {
                    case CONNECTED -> StatusBadge.Tone.GOOD;
                    case CONNECTING -> StatusBadge.Tone.WARN;
                    case DISCONNECTED -> StatusBadge.Tone.BAD;
                });
        link.getElement().setAttribute("title", snapshot.linkError());
        target.setText(snapshot.hasStatus() ? snapshot.status().getHostId() + " · account " + snapshot.status().getAccountId() : "");
    }
}
